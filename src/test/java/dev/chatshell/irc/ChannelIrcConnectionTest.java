package dev.chatshell.irc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A plain IRC connection on a JDK channel, served by the selector's reactor (not Linux). */
class ChannelIrcConnectionTest extends PlainIrcConnectionContract {
  private IrcReactor reactor;
  private ServerSocketChannel server;

  @Override
  void open(String name) throws IOException {
    reactor = new IrcReactor(name);
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @Override
  void stop() throws IOException {
    server.close();
    reactor.close();
  }

  @Override
  int port() {
    return server.socket().getLocalPort();
  }

  @Override
  PlainIrcConnection accept() throws IOException {
    SocketChannel accepted = server.accept();
    accepted.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
    return new ChannelIrcConnection(accepted, reactor);
  }

  /** In the selector's wait: a native method of the JDK's selector. */
  @Override
  boolean waiting(StackTraceElement[] stack) {
    return stack.length > 0
        && stack[0].isNativeMethod()
        && stack[0].getClassName().startsWith("sun.nio.ch.");
  }
}
