package dev.chatshell.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Finds the server's {@code PING} lines in what an IRC bench client reads, however the reads split
 * them, and hands back the {@code PONG} that keeps the client connected. Every IRC server pings a
 * client that has been quiet for a while and drops it when no answer comes; most bench members only
 * listen, so without this the step search, minutes long, would lose them.
 *
 * <p>Only the start of each line is looked at, so the chat lines that make up nearly all the
 * traffic cost one comparison each. Not thread safe: one reader thread feeds it.
 */
final class IrcPings {
  private static final byte[] PING = "PING ".getBytes(StandardCharsets.US_ASCII);
  private static final int LONGEST_TOKEN = 400; // a PING's argument is a server name or a token

  private final Consumer<byte[]> pong;
  private final ByteArrayOutputStream argument = new ByteArrayOutputStream();
  private int matched; // bytes of "PING " matched at the start of this line; -1: not a PING
  private boolean inArgument;

  /**
   * @param pong gets each answer, a whole line with CR LF
   */
  IrcPings(Consumer<byte[]> pong) {
    this.pong = pong;
  }

  void feed(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        if (inArgument) {
          answer();
        }
        matched = 0;
        inArgument = false;
        continue;
      }
      if (inArgument) {
        if (argument.size() < LONGEST_TOKEN) {
          argument.write(b);
        }
      } else if (matched >= 0) {
        if (b == PING[matched]) {
          if (++matched == PING.length) {
            inArgument = true;
            argument.reset();
          }
        } else {
          matched = -1; // the rest of the line is something else
        }
      }
    }
  }

  private void answer() {
    byte[] token = argument.toByteArray();
    byte[] line = new byte[5 + token.length + 2];
    System.arraycopy("PONG ".getBytes(StandardCharsets.US_ASCII), 0, line, 0, 5);
    System.arraycopy(token, 0, line, 5, token.length);
    line[line.length - 2] = '\r';
    line[line.length - 1] = '\n';
    pong.accept(line);
  }
}
