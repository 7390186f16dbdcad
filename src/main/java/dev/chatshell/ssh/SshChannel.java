package dev.chatshell.ssh;

import java.io.IOException;
import java.util.Map;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A session channel that remembers whether the client asked for a pty: that, not the terminal type
 * (which a client may also send as an environment variable), decides character or line mode.
 */
final class SshChannel extends ChannelSession {
  private volatile boolean pty;

  /** Makes our channels for "session" opens; the only kind of channel the door accepts. */
  static final ChannelFactory FACTORY =
      new ChannelFactory() {
        @Override
        public String getName() {
          return "session";
        }

        @Override
        public Channel createChannel(Session session) {
          return new SshChannel();
        }
      };

  boolean ptyRequested() {
    return pty;
  }

  /**
   * A subsystem (sftp, say) is refused with a line the user sees and exit status 127, rather than a
   * bare failure reply that leaves them guessing.
   */
  @Override
  protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem)
      throws IOException {
    commandInstance =
        new Refusal(
            "chatshell: this is a chat server; there is no "
                + (subsystem.matches("[A-Za-z0-9@._-]{1,40}") ? subsystem : "such subsystem")
                + " here. Log in with ssh for the chat shell.");
    return prepareChannelCommand(request, commandInstance);
  }

  @Override
  protected RequestHandler.Result handlePtyReqParsed(
      String term, int columns, int rows, int width, int height, Map<PtyMode, Integer> modes)
      throws IOException {
    pty = true;
    return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
  }
}
