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

  @Override
  protected RequestHandler.Result handlePtyReqParsed(
      String term, int columns, int rows, int width, int height, Map<PtyMode, Integer> modes)
      throws IOException {
    pty = true;
    return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
  }
}
