package dev.chatshell.telnet;

/**
 * Telnet protocol bytes (RFC 854, 855, 857, 858, 860, 1073, 1091) that chatshell and its bench use.
 */
public final class Telnet {
  public static final int IAC = 255;
  public static final int DONT = 254;
  public static final int DO = 253;
  public static final int WONT = 252;
  public static final int WILL = 251;
  public static final int SB = 250;
  public static final int SE = 240;
  public static final int IP = 244;
  public static final int EC = 247;
  public static final int EL = 248;

  public static final int ECHO = 1;
  public static final int SGA = 3;
  public static final int TIMING_MARK = 6;
  public static final int TTYPE = 24;
  public static final int NAWS = 31;

  /** TTYPE sub-negotiation verbs (RFC 1091). */
  public static final int TTYPE_IS = 0;

  public static final int TTYPE_SEND = 1;

  private Telnet() {}

  public static byte[] option(int verb, int option) {
    return new byte[] {(byte) IAC, (byte) verb, (byte) option};
  }
}
