package dev.chatshell.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads for many bench sessions on one platform thread with a selector. A thread per session would
 * work, but the load client shares the machine's cores with the server it measures, and a selector
 * reads far more sockets per CPU second than parked threads do; what the client spends, the server
 * does not get.
 */
final class Reactor implements AutoCloseable {
  /** Gets the bytes read from one channel; told -1 when it ends. */
  interface Reader {
    void read(byte[] bytes, int length);

    void ended();
  }

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
  private final byte[] bytes = new byte[64 * 1024];
  private volatile boolean running = true;

  Reactor(String name) throws IOException {
    selector = Selector.open();
    thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
  }

  /** Starts reading {@code channel} (already connected) for {@code reader}. */
  void register(SocketChannel channel, Reader reader) {
    pending.add(
        () -> {
          try {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, reader);
          } catch (IOException e) {
            reader.ended();
          }
        });
    selector.wakeup();
  }

  /** Stops reading {@code channel}, leaving it open. */
  void stopReading(SocketChannel channel) {
    pending.add(
        () -> {
          SelectionKey key = channel.keyFor(selector);
          if (key != null) {
            key.cancel();
          }
        });
    selector.wakeup();
  }

  private void loop() {
    while (running) {
      try {
        selector.select();
        Runnable task;
        while ((task = pending.poll()) != null) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          read(key);
        }
        selector.selectedKeys().clear();
      } catch (IOException e) {
        if (running) {
          System.err.println("bench reactor: " + e);
        }
      }
    }
  }

  private void read(SelectionKey key) {
    Reader reader = (Reader) key.attachment();
    SocketChannel channel = (SocketChannel) key.channel();
    try {
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        key.cancel();
        reader.ended();
        return;
      }
      buffer.flip();
      buffer.get(bytes, 0, n);
      reader.read(bytes, n);
    } catch (IOException | CancelledKeyException e) {
      key.cancel();
      reader.ended();
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.close();
  }
}
