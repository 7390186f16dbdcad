package dev.chatshell.telnet;

/** Telnet protocol bytes (RFC 854, 855, 857, 858, 860, 1073, 1091) that chatshell uses. */
final class Telnet {
  static final int IAC = 255;
  static final int DONT = 254;
  static final int DO = 253;
  static final int WONT = 252;
  static final int WILL = 251;
  static final int SB = 250;
  static final int SE = 240;
  static final int IP = 244;
  static final int EC = 247;
  static final int EL = 248;

  static final int ECHO = 1;
  static final int SGA = 3;
  static final int TIMING_MARK = 6;
  static final int TTYPE = 24;
  static final int NAWS = 31;

  /** TTYPE sub-negotiation verbs (RFC 1091). */
  static final int TTYPE_IS = 0;

  static final int TTYPE_SEND = 1;

  private Telnet() {}

  static byte[] option(int verb, int option) {
    return new byte[] {(byte) IAC, (byte) verb, (byte) option};
  }
}
