package dev.chatshell.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import javax.net.ServerSocketFactory;

/**
 * Listening sockets whose accepted sockets have a channel ({@code socket.getChannel() != null}),
 * for a door that serves its clients from a selector (plain IRC's reactor) while the {@link
 * SocketListener} stays the one all socket doors share. The channel is in blocking mode until the
 * door takes it over, so refusing a client works as for any socket.
 */
public final class ChannelServerSockets extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return ServerSocketChannel.open().socket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return createServerSocket(port, 50, null);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return createServerSocket(port, backlog, null);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }
}
