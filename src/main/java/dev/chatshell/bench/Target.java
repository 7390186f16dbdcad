package dev.chatshell.bench;

/** What a bench run talks to. */
enum Target {
  /** chatshell itself, with its telnet layer and a shell per session. */
  CHATSHELL,
  /** The bare-socket fan-out server: the most a JVM here can deliver, for comparison. */
  BASELINE
}
