package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jline.utils.AttributedString;

/**
 * Plain line mode for clients that do not let the server echo (nc, scripts, bots) and for dumb
 * terminals: one line in, lines out, no escape sequence ever. The only prompts are the login ones;
 * output is simply written as it comes. Invalid UTF-8 becomes U+FFFD.
 *
 * <p>A telnet client on a dumb terminal is told to edit its lines itself. Whatever editing keys
 * still arrive — a client in character mode sends Backspace and Ctrl-U as bytes — are applied to
 * the line here, never passed on: Backspace (DEL or BS) erases a character, Ctrl-U the line, Ctrl-W
 * a word.
 */
final class LineShell implements Shell {
  private static final byte BS = 0x08;
  private static final byte DEL = 0x7F;
  private static final byte CTRL_U = 0x15;
  private static final byte CTRL_W = 0x17;

  private final Connection connection;
  private final OutputStream out;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[256];
  private byte[] line = new byte[64];
  private int lineLength;
  private int chunkOffset;
  private int chunkLength;
  private boolean prompting = true;

  LineShell(Connection connection, int maxLineBytes) throws IOException {
    this.connection = connection;
    this.out = connection.output();
    this.maxLineBytes = maxLineBytes;
    connection.letClientEditLines();
  }

  @Override
  public String readLine(String prompt) throws IOException {
    if (prompting && !prompt.isEmpty()) {
      synchronized (out) {
        out.write(prompt.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
    lineLength = 0;
    boolean tooLong = false;
    while (true) {
      if (chunkLength == 0) {
        int n = connection.read(chunk, 0, chunk.length, 0);
        if (n < 0) {
          return null;
        }
        chunkOffset = 0;
        chunkLength = n;
      }
      while (chunkLength > 0) {
        byte b = chunk[chunkOffset++];
        chunkLength--;
        if (b == '\n') {
          if (tooLong) {
            throw new LineTooLongException(maxLineBytes);
          }
          return new String(line, 0, lineLength, StandardCharsets.UTF_8);
        }
        switch (b) {
          case DEL, BS -> eraseCharacter();
          case CTRL_U -> {
            lineLength = 0;
            tooLong = false; // what was too long is gone
          }
          case CTRL_W -> eraseWord();
          default -> {
            if (lineLength < maxLineBytes) {
              append(b);
            } else {
              tooLong = true; // keep reading to the end of the line, keeping nothing
            }
          }
        }
      }
    }
  }

  private void append(byte b) {
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
    }
    line[lineLength++] = b;
  }

  /** Erases the last character: its UTF-8 continuation bytes, then the byte that leads them. */
  private void eraseCharacter() {
    while (lineLength > 0 && (line[lineLength - 1] & 0xC0) == 0x80) {
      lineLength--;
    }
    if (lineLength > 0) {
      lineLength--;
    }
  }

  /** Erases the last word and the spaces after it, as Ctrl-W does in a terminal. */
  private void eraseWord() {
    while (lineLength > 0 && isSpace(line[lineLength - 1])) {
      lineLength--;
    }
    while (lineLength > 0 && !isSpace(line[lineLength - 1])) {
      lineLength--;
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t';
  }

  /**
   * Shows the prompt even after login (the client must know what is asked) and asks a telnet client
   * to stop echoing meanwhile; a client that is not telnet (nc) echoes what it likes.
   */
  @Override
  public String readSecret(String prompt) throws IOException {
    boolean was = prompting;
    prompting = true;
    connection.setClientEcho(false);
    try {
      return readLine(prompt);
    } finally {
      prompting = was;
      connection.setClientEcho(true);
    }
  }

  @Override
  public void print(String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  @Override
  public void enterChat() {
    prompting = false; // only the login prompts: chat output is easier for scripts without them
  }

  @Override
  public void refreshPrompt(Supplier<String> prompt) {
    // plain clients get no chat prompt
  }

  @Override
  public int colours() {
    return 0;
  }

  @Override
  public String format(AttributedString text) {
    return text.toString();
  }

  @Override
  public void close() {
    connection.close();
  }
}
