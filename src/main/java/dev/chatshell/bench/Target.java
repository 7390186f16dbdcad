package dev.chatshell.bench;

import java.util.Locale;

/** What a bench run talks to. */
enum Target {
  /** chatshell itself, with its telnet layer and a shell per session (or its IRC door). */
  CHATSHELL,
  /** The bare-socket fan-out server: the most a JVM here can deliver, for comparison. */
  BASELINE,
  /** ngIRCd, as Debian packages it: a single-threaded C server with a poll loop. */
  NGIRCD,
  /** InspIRCd 3, as Debian packages it: a single-threaded C++ server with epoll. */
  INSPIRCD,
  /** Ergo, built from its source: a Go server, a goroutine or two per client. */
  ERGO;

  /** Its name on the command line and in file names. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the IRC servers the bench compares chatshell with: native programs, not JVMs. */
  boolean peer() {
    return this == NGIRCD || this == INSPIRCD || this == ERGO;
  }
}
