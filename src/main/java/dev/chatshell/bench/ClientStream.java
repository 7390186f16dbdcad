package dev.chatshell.bench;

import static dev.chatshell.telnet.Telnet.DO;
import static dev.chatshell.telnet.Telnet.DONT;
import static dev.chatshell.telnet.Telnet.ECHO;
import static dev.chatshell.telnet.Telnet.IAC;
import static dev.chatshell.telnet.Telnet.NAWS;
import static dev.chatshell.telnet.Telnet.SB;
import static dev.chatshell.telnet.Telnet.SE;
import static dev.chatshell.telnet.Telnet.SGA;
import static dev.chatshell.telnet.Telnet.TIMING_MARK;
import static dev.chatshell.telnet.Telnet.TTYPE;
import static dev.chatshell.telnet.Telnet.TTYPE_IS;
import static dev.chatshell.telnet.Telnet.TTYPE_SEND;
import static dev.chatshell.telnet.Telnet.WILL;
import static dev.chatshell.telnet.Telnet.WONT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What one bench client makes of the bytes the server sends: answers telnet negotiation the way a
 * real client would (a character-mode client like netkit telnet, or a plain one that refuses
 * everything), keeps the recent text so the login steps can wait for a prompt, and picks bench
 * markers out of the stream wherever they are, escape sequences and all.
 *
 * <p>A marker is {@code bench@<sent nanos>@<sender>@}; it may be split across reads. Not thread
 * safe: one reader thread feeds it.
 */
final class ClientStream {
  static final String MARKER = "bench@";
  private static final byte MARKER_FIRST = (byte) MARKER.charAt(0);
  private static final int TEXT_KEPT = 8192;

  /** Where answers to the server's telnet commands go. */
  interface Replies {
    void send(byte[] bytes);
  }

  /** Told about every marker that another client sent. */
  interface Deliveries {
    void delivered(long sentNanos, int sender);
  }

  private enum State {
    DATA,
    IAC,
    VERB,
    SB,
    SB_IAC
  }

  private final boolean character;
  private final int self;
  private final int columns;
  private final int rows;
  private final String terminalType;
  private final Replies replies;
  private final Deliveries deliveries;

  private State state = State.DATA;
  private int verb;
  private final ByteArrayOutputStream sub = new ByteArrayOutputStream();
  private final boolean[][] answered = new boolean[2][256]; // the server's side, then ours

  private final StringBuilder text = new StringBuilder();
  private boolean keepText = true;
  private String[] expected = new String[0];
  private boolean found;

  // marker matching: position in MARKER, then two numbers
  private int matched;
  private int field; // 0 = in MARKER, 1 = sent nanos, 2 = sender
  private long sent;
  private long sender;
  private int digits;

  ClientStream(
      boolean character,
      int self,
      int columns,
      int rows,
      String terminalType,
      Replies replies,
      Deliveries deliveries) {
    this.character = character;
    this.self = self;
    this.columns = columns;
    this.rows = rows;
    this.terminalType = terminalType;
    this.replies = replies;
    this.deliveries = deliveries;
  }

  void feed(byte[] buffer, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (state == State.DATA && !keepText && field == 0 && matched == 0) {
        // Between markers, once logged in, a byte matters only if it starts a marker or a telnet
        // command: skip the rest without the state machine (most of what a member reads).
        while (i < end && buffer[i] != MARKER_FIRST && buffer[i] != (byte) IAC) {
          i++;
        }
        if (i == end) {
          break;
        }
      }
      int b = buffer[i] & 0xFF;
      switch (state) {
        case DATA -> {
          if (b == IAC) {
            state = State.IAC;
          } else {
            data(b);
          }
        }
        case IAC -> {
          if (b == IAC) {
            state = State.DATA;
            data(b);
          } else if (b >= WILL && b <= DONT) {
            verb = b;
            state = State.VERB;
          } else if (b == SB) {
            sub.reset();
            state = State.SB;
          } else {
            state = State.DATA; // NOP, GA, DM and the like: nothing to do
          }
        }
        case VERB -> {
          negotiate(verb, b);
          state = State.DATA;
        }
        case SB -> {
          if (b == IAC) {
            state = State.SB_IAC;
          } else if (sub.size() < 64) {
            sub.write(b);
          }
        }
        case SB_IAC -> {
          if (b == SE) {
            subnegotiation(sub.toByteArray());
            state = State.DATA;
          } else {
            if (sub.size() < 64) {
              sub.write(b);
            }
            state = State.SB;
          }
        }
      }
    }
  }

  /**
   * From now on, watches the text for any of {@code wanted} (cleared first); {@link #found()} tells
   * when one has arrived. Set before sending what should cause it, so a quick answer is not missed.
   */
  void expect(String... wanted) {
    expected = wanted;
    found = false;
    text.setLength(0);
  }

  /** True once one of the expected texts has arrived. */
  boolean found() {
    return found;
  }

  /** Stops keeping text once logged in: from then on only markers matter. */
  void stopKeepingText() {
    expected = new String[0];
    keepText = false;
    text.setLength(0);
    text.trimToSize(); // 10,000 idle clients would otherwise each keep their welcome's buffer
  }

  /** The last text kept, to say what came instead of what was expected. */
  String recentText() {
    return text.toString();
  }

  /** How long one login step may take before the session counts as failed. */
  static final java.time.Duration STEP_TIMEOUT = java.time.Duration.ofSeconds(60);

  /**
   * Waits on this stream's monitor (the reading side notifies it) until what {@link #expect} asked
   * for has come; fails with what came instead when {@code closed} turns true (saying {@code
   * whatClosed}) or when the step takes over {@link #STEP_TIMEOUT}.
   */
  void awaitFound(String nick, java.util.function.BooleanSupplier closed, String whatClosed)
      throws java.io.IOException, InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    synchronized (this) {
      while (!found()) {
        if (closed.getAsBoolean()) {
          throw new java.io.IOException(
              nick + ": " + whatClosed + " closed during login; " + lastSeen());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new java.io.IOException(
              nick + ": login step took over " + STEP_TIMEOUT.toSeconds() + " s; " + lastSeen());
        }
        wait(Math.max(1, Math.min(1000, left / 1_000_000)));
      }
    }
  }

  private String lastSeen() {
    String recent = recentText();
    return "last seen: "
        + recent.substring(Math.max(0, recent.length() - 200)).replaceAll("\\p{Cntrl}", "?");
  }

  private void negotiate(int verb, int option) {
    if (option == TIMING_MARK && verb == DO) {
      // the server's keepalive ping: always answered, like netkit telnet does
      replies.send(new byte[] {(byte) IAC, (byte) (character ? WILL : WONT), (byte) option});
      return;
    }
    int side = verb == DO || verb == DONT ? 1 : 0;
    if (answered[side][option]) {
      return; // RFC 1143: a reply is never answered, so negotiation cannot loop
    }
    answered[side][option] = true;
    boolean accept =
        character
            && switch (verb) {
              case DO -> option == SGA || option == NAWS || option == TTYPE;
              case WILL -> option == ECHO || option == SGA;
              default -> false;
            };
    int answer =
        switch (verb) {
          case DO -> accept ? WILL : WONT;
          case WILL -> accept ? DO : DONT;
          default -> -1; // WONT and DONT need no answer from a client that never asked
        };
    if (answer < 0) {
      return;
    }
    replies.send(new byte[] {(byte) IAC, (byte) answer, (byte) option});
    if (accept && option == NAWS) {
      replies.send(
          new byte[] {
            (byte) IAC,
            (byte) SB,
            (byte) NAWS,
            (byte) (columns >> 8),
            (byte) columns,
            (byte) (rows >> 8),
            (byte) rows,
            (byte) IAC,
            (byte) SE
          });
    }
  }

  private void subnegotiation(byte[] body) {
    if (character && body.length >= 2 && body[0] == TTYPE && body[1] == TTYPE_SEND) {
      byte[] type = terminalType.getBytes(StandardCharsets.US_ASCII);
      byte[] answer = new byte[type.length + 6];
      answer[0] = (byte) IAC;
      answer[1] = (byte) SB;
      answer[2] = (byte) TTYPE;
      answer[3] = (byte) TTYPE_IS;
      System.arraycopy(type, 0, answer, 4, type.length);
      answer[answer.length - 2] = (byte) IAC;
      answer[answer.length - 1] = (byte) SE;
      replies.send(answer);
    }
  }

  private void data(int b) {
    if (keepText) {
      if (text.length() >= TEXT_KEPT) {
        text.delete(0, TEXT_KEPT / 2); // keeps far more than the longest text expected
      }
      text.append((char) b); // the texts waited for are ASCII
      for (String wanted : expected) {
        if (endsWith(wanted)) {
          found = true;
        }
      }
    }
    marker(b);
  }

  private boolean endsWith(String wanted) {
    int start = text.length() - wanted.length();
    if (start < 0) {
      return false;
    }
    for (int i = wanted.length() - 1; i >= 0; i--) {
      if (text.charAt(start + i) != wanted.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void marker(int b) {
    if (field == 0) {
      if (b == MARKER.charAt(matched)) {
        if (++matched == MARKER.length()) {
          field = 1;
          sent = 0;
          digits = 0;
        }
      } else {
        matched = b == MARKER.charAt(0) ? 1 : 0;
      }
      return;
    }
    if (b >= '0' && b <= '9' && digits < 19) {
      long value = (field == 1 ? sent : sender) * 10 + (b - '0');
      if (field == 1) {
        sent = value;
      } else {
        sender = value;
      }
      digits++;
      return;
    }
    if (b == '@' && digits > 0) {
      if (field == 1) {
        field = 2;
        sender = 0;
        digits = 0;
        return;
      }
      if (sender != self) {
        deliveries.delivered(sent, (int) sender);
      }
    }
    field = 0; // complete, or not a marker after all
    matched = b == MARKER.charAt(0) ? 1 : 0;
  }

  /** The text a sender puts in a message: the marker, then padding up to {@code bytes}. */
  static String message(long sentNanos, int sender, int bytes) {
    StringBuilder line = new StringBuilder(bytes + 2);
    line.append(MARKER).append(sentNanos).append('@').append(sender).append('@');
    while (line.length() < bytes) {
      line.append('x');
    }
    return line.toString();
  }
}
