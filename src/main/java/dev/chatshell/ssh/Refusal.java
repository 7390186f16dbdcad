package dev.chatshell.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** An exec request we do not run: one line on the client's standard error, exit status 127. */
final class Refusal implements Command {
  private final String message;
  private OutputStream err;
  private ExitCallback exit;

  Refusal(String message) {
    this.message = message;
  }

  @Override
  public void start(ChannelSession channel, Environment environment) {
    try {
      err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
    } catch (IOException e) {
      // the client went away: nothing to tell
    }
    exit.onExit(127, message); // 127: "command not found", as a shell says
  }

  @Override
  public void destroy(ChannelSession channel) {}

  @Override
  public void setInputStream(InputStream in) {}

  @Override
  public void setOutputStream(OutputStream out) {}

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }
}
