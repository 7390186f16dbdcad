package dev.chatshell.telnet;

import static dev.chatshell.telnet.Telnet.DO;
import static dev.chatshell.telnet.Telnet.DONT;
import static dev.chatshell.telnet.Telnet.EC;
import static dev.chatshell.telnet.Telnet.EL;
import static dev.chatshell.telnet.Telnet.IAC;
import static dev.chatshell.telnet.Telnet.IP;
import static dev.chatshell.telnet.Telnet.SB;
import static dev.chatshell.telnet.Telnet.SE;
import static dev.chatshell.telnet.Telnet.WILL;
import static dev.chatshell.telnet.Telnet.WONT;

/**
 * The receiving half of telnet: a state machine fed with each chunk as it arrives, so a command or
 * line end split across reads is handled and nothing waits for a byte that may never come.
 *
 * <p>It decodes in place: the data bytes of a chunk are moved to its front and their count
 * returned; commands go to the {@link Handler} as they are met. Every line end the RFCs allow (CR
 * LF, CR NUL) and the ones clients really send (bare LF, bare CR) becomes one {@code '\n'}; {@code
 * IAC IAC} becomes data byte 255; sub-negotiations longer than {@link #MAX_SUBNEGOTIATION} bytes
 * are dropped whole. One instance per connection, used by its reading thread only.
 */
public final class TelnetDecoder {
  /** Longest sub-negotiation payload kept; TTYPE names and NAWS sizes are far shorter. */
  public static final int MAX_SUBNEGOTIATION = 64;

  /** Receives the protocol events found in the input. */
  public interface Handler {
    /** {@code IAC WILL|WONT|DO|DONT option}. */
    void option(int verb, int option);

    /** {@code IAC SB option data IAC SE}, with doubled IACs in {@code data} already undone. */
    void subnegotiation(int option, byte[] data, int length);

    /** Any other two-byte command ({@code IAC NOP}, {@code IAC AYT} ...). */
    default void command(int command) {}
  }

  private enum State {
    DATA,
    IAC,
    OPTION,
    SB_OPTION,
    SB_DATA,
    SB_IAC
  }

  private State state = State.DATA;
  private boolean afterCr;
  private int verb;
  private int sbOption;
  private final byte[] sb = new byte[MAX_SUBNEGOTIATION];
  private int sbLength;
  private boolean sbOverflow;

  /**
   * Decodes {@code length} bytes at {@code offset}; returns how many data bytes now start at {@code
   * offset}.
   */
  public int decode(byte[] buffer, int offset, int length, Handler handler) {
    int out = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      int b = buffer[i] & 0xFF;
      switch (state) {
        case DATA -> {
          if (b == IAC) {
            state = State.IAC;
          } else if (b == '\r') {
            buffer[out++] = '\n';
            afterCr = true;
          } else if (b == '\n' || b == 0) {
            // LF or NUL right after CR completes that line end; a lone NUL is padding
            if (b == '\n' && !afterCr) {
              buffer[out++] = '\n';
            }
            afterCr = false;
          } else {
            buffer[out++] = (byte) b;
            afterCr = false;
          }
        }
        case IAC -> {
          afterCr = false;
          if (b == IAC) {
            buffer[out++] = (byte) IAC;
            state = State.DATA;
          } else if (b == WILL || b == WONT || b == DO || b == DONT) {
            verb = b;
            state = State.OPTION;
          } else if (b == SB) {
            state = State.SB_OPTION;
          } else if (b == EC || b == EL || b == IP) {
            // The client's "erase character", "erase line" and "interrupt" keys, sent as telnet
            // functions: give the line editor the keys it knows for them.
            buffer[out++] = (byte) (b == EC ? 0x7F : b == EL ? 0x15 : 0x03);
            state = State.DATA;
            handler.command(b);
          } else if (b >= SE) {
            state = State.DATA;
            handler.command(b);
          } else {
            // Not a command (RFC 854 defines none below 240): read the byte as data, through the
            // data state, so that IAC CR or IAC NUL cannot slip a raw CR or NUL past line ends.
            state = State.DATA;
            i--;
          }
        }
        case OPTION -> {
          state = State.DATA;
          handler.option(verb, b);
        }
        case SB_OPTION -> {
          sbOption = b;
          sbLength = 0;
          sbOverflow = false;
          state = State.SB_DATA;
        }
        case SB_DATA -> {
          if (b == IAC) {
            state = State.SB_IAC;
          } else {
            appendSb(b);
          }
        }
        case SB_IAC -> {
          if (b == IAC) {
            appendSb(IAC);
            state = State.SB_DATA;
          } else if (b == SE) {
            state = State.DATA;
            if (!sbOverflow) {
              handler.subnegotiation(sbOption, sb, sbLength);
            }
          } else {
            // A command inside a sub-negotiation: the peer broke the framing. Drop the
            // sub-negotiation and read this byte as the command it announces.
            state = State.IAC;
            i--;
          }
        }
      }
    }
    return out - offset;
  }

  private void appendSb(int b) {
    if (sbLength < sb.length) {
      sb[sbLength++] = (byte) b;
    } else {
      sbOverflow = true;
    }
  }
}
