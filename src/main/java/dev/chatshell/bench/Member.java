package dev.chatshell.bench;

/** One measured member of a bench channel, whichever door it came through. */
interface Member {
  /** Its number among all the run's connections; its nick is {@code b<index>}. */
  int index();

  /** The channel it joined. */
  String channel();

  /** The door it came through. */
  Plan.Door door();

  /** Sends one line as the user would type it. */
  void send(String line);

  /** True until the server closes the connection (or it breaks). */
  boolean isOpen();

  void close();
}
