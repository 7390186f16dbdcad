package dev.chatshell.shell;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.EventSink;
import dev.chatshell.chat.User;
import dev.chatshell.transport.Connection;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flood control of one session: one {@link TokenBucket} for everything the user types (nicknames at
 * the login prompt included), chat lines held back in a {@link FloodQueue}, commands that cost a
 * line waiting their turn, and the warnings that say so, each once per flood.
 *
 * <p>Threading: the session's thread calls every method and owns the warning state and the queue
 * field (the queue is made on that thread, when a first line has to wait); held lines are sent on
 * the flood queue's own thread, which touches nothing here but the domain and the outbox.
 */
public final class FloodControl {
  // Logged under the session's name: operators read one name for everything a session does.
  private static final Logger log = LoggerFactory.getLogger(Session.class);
  // How long held-back lines may take to go out once the user leaves, before their quit.
  private static final Duration FLUSH_ON_EXIT = Duration.ofSeconds(2);

  private final ShellSettings settings;
  private final ChatServer chat;
  private final EventSink outbox;
  private final Connection connection; // for log lines only
  private final TokenBucket bucket;
  // Made when a first line has to wait: most sessions never flood, and an idle one should not keep
  // an empty queue. Once made it stays (its release thread may be using it).
  private FloodQueue<HeldLine> queue;
  private boolean closed; // the session is ending: no line goes out any more
  private boolean warned; // the user was told their lines are delayed, this flood
  private int commandsWaited; // commands in a row that waited for their turn
  private boolean commandsDroppedTold;

  public FloodControl(
      ShellSettings settings, ChatServer chat, EventSink outbox, Connection connection) {
    this.settings = settings;
    this.chat = chat;
    this.outbox = outbox;
    this.connection = connection;
    this.bucket = new TokenBucket(settings.floodRate(), settings.floodBurst(), System::nanoTime);
  }

  private FloodQueue<HeldLine> queue() {
    if (queue == null) {
      queue = new FloodQueue<>(bucket, settings.floodQueueLines(), this::sendHeld);
    }
    return queue;
  }

  /** A chat line held back by flood control: who typed it, in which channel. */
  private record HeldLine(User user, Channel channel, String text) {}

  /**
   * A chat line typed in {@code channel}: true when the caller sends it now; otherwise it waits in
   * the queue or is dropped past its bound, and the user is told the first time.
   */
  public boolean offerChat(User user, Channel channel, String text) {
    if (closed) {
      return false;
    }
    if (queue == null && bucket.tryTake()) {
      return true; // nothing can be waiting: no queue yet
    }
    switch (queue().offer(new HeldLine(user, channel, text))) {
      case NOW -> {
        return true;
      }
      case QUEUED_FIRST ->
          error(
              "You are sending too fast: your lines now go out "
                  + rate()
                  + " per second, and at most "
                  + settings.floodQueueLines()
                  + " may wait; commands go ahead of them.");
      case DROPPED_FIRST ->
          error(
              "Excess flood: "
                  + settings.floodQueueLines()
                  + " of your lines are already waiting; more are dropped until they have gone out.");
      case QUEUED, DROPPED -> {}
    }
    return false;
  }

  /** Sends a held-back chat line, on the flood queue's thread. */
  private void sendHeld(HeldLine line) {
    try {
      chat.say(line.user(), line.channel(), line.text());
    } catch (ChatException e) {
      outbox.deliver(Reply.of(e.getMessage(), true));
    } catch (RuntimeException e) {
      log.error("{} ({}): held line failed", connection, line.user().nick(), e);
    }
  }

  /**
   * Flood control of a command that costs a line (/ME, /MSG, /TOPIC...): it waits for the chat
   * lines held before it and for its own token, so it keeps its place in what others see. But a
   * paste of such commands is bounded like a paste of chat lines: once {@code flood.queue-lines}
   * commands in a row have had to wait, the next ones that would wait are dropped at once, with one
   * notice, so the commands typed after the paste (/WHO, /BYE) are not kept waiting behind it.
   * Returns false when the command is dropped.
   */
  public boolean awaitTurn() {
    if (tryTakeAfterHeld()) {
      commandsWaited = 0;
      warned = false; // the flood is over: the next one is told again
      return true;
    }
    if (commandsWaited >= settings.floodQueueLines()) {
      if (!commandsDroppedTold) {
        commandsDroppedTold = true;
        error(
            "Excess flood: your commands are coming faster than "
                + rate()
                + " per second; those that would wait are dropped until you slow down.");
      }
      return false;
    }
    commandsWaited++;
    commandsDroppedTold = false;
    if (!warned) {
      warned = true;
      error(delayed());
    }
    try {
      while (!tryTakeAfterHeld()) {
        Thread.sleep(
            Duration.ofMillis(Math.max(1, Math.min(100, bucket.nanosUntilToken() / 1_000_000))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false; // the session is ending
    }
    return true;
  }

  /**
   * Delays a line typed before login (a nickname) to the rate; the first delay of a flood is told
   * through {@code warn}, since nothing is printed through the outbox yet.
   */
  public void throttle(Consumer<String> warn) {
    long wait = bucket.take();
    if (wait == 0) {
      warned = false;
      return;
    }
    if (!warned) {
      warned = true;
      warn.accept(delayed());
    }
    try {
      Thread.sleep(Duration.ofNanos(wait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Drops the held lines and waits a moment for one being sent, so that nothing of the user's
   * arrives after their quit.
   */
  public void close() {
    closed = true;
    if (queue != null) {
      queue.close(FLUSH_ON_EXIT.toMillis());
    }
  }

  /** A token for something the caller sends itself, after the lines held before it. */
  private boolean tryTakeAfterHeld() {
    return queue == null ? bucket.tryTake() : queue.tryTakeAfterHeld();
  }

  /** Lines held back now (for tests): 0 when nothing ever had to wait. */
  int waiting() {
    return queue == null ? 0 : queue.waiting();
  }

  private String delayed() {
    return "You are sending too fast: your lines are now delayed to " + rate() + " per second.";
  }

  private void error(String text) {
    outbox.deliver(Reply.of(text, true));
  }

  private String rate() {
    double rate = settings.floodRate();
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }
}
