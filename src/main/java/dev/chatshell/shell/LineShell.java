package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jline.utils.AttributedString;

/**
 * Plain line mode for clients that do not let the server echo (nc, scripts, bots): one line in,
 * lines out, no escape sequence ever. The only prompts are the login ones; output is simply written
 * as it comes. Invalid UTF-8 becomes U+FFFD.
 */
final class LineShell implements Shell {
  private final Connection connection;
  private final OutputStream out;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[256];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64);
  private int chunkOffset;
  private int chunkLength;
  private boolean prompting = true;

  LineShell(Connection connection, int maxLineBytes) {
    this.connection = connection;
    this.out = connection.output();
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public String readLine(String prompt) throws IOException {
    if (prompting && !prompt.isEmpty()) {
      synchronized (out) {
        out.write(prompt.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
    line.reset();
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
          return line.toString(StandardCharsets.UTF_8);
        }
        if (line.size() < maxLineBytes) {
          line.write(b);
        } else {
          tooLong = true; // keep reading to the end of the line, keeping nothing
        }
      }
    }
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
