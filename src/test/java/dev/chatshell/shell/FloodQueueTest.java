package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.shell.FloodQueue.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloodQueueTest {
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(5 * SECOND);
  private final TokenBucket bucket = new TokenBucket(1, 2, now::get); // 2 at once, then 1 a second
  private final List<String> sent = new ArrayList<>();

  private synchronized void send(String line) {
    sent.add(line);
    notifyAll();
  }

  private synchronized List<String> awaitSent(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10 * SECOND;
    while (sent.size() < count) {
      assertTrue(System.nanoTime() < deadline, "only " + sent + " were sent");
      wait(10);
    }
    return List.copyOf(sent);
  }

  @Test
  void linesPastTheRateWaitInOrderAndPastTheBoundAreDroppedWithOneNotice() throws Exception {
    FloodQueue<String> queue = new FloodQueue<>(bucket, 3, this::send);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      outcomes.add(queue.offer("line " + i));
    }
    assertEquals(
        List.of(
            Outcome.NOW, // the burst: the caller sends these itself
            Outcome.NOW,
            Outcome.QUEUED_FIRST, // warned once
            Outcome.QUEUED,
            Outcome.QUEUED,
            Outcome.DROPPED_FIRST, // told once
            Outcome.DROPPED,
            Outcome.DROPPED),
        outcomes);
    assertEquals(3, queue.waiting());

    for (int i = 1; i <= 3; i++) {
      now.addAndGet(SECOND);
      queue.poke();
      awaitSent(i);
    }
    assertEquals(List.of("line 3", "line 4", "line 5"), awaitSent(3), "in order, one a second");
    assertEquals(0, queue.waiting());
  }

  @Test
  void aLineOfferedWhileOthersWaitQueuesBehindThemEvenWhenATokenIsBack() throws Exception {
    FloodQueue<String> queue = new FloodQueue<>(bucket, 10, this::send);
    queue.offer("a");
    queue.offer("b");
    assertEquals(Outcome.QUEUED_FIRST, queue.offer("c"));
    now.addAndGet(SECOND / 2);
    assertEquals(Outcome.QUEUED, queue.offer("d"), "not sent ahead of c");
    now.addAndGet(SECOND / 2);
    queue.poke();
    awaitSent(1);
    now.addAndGet(SECOND);
    queue.poke();
    assertEquals(List.of("c", "d"), awaitSent(2));
    long deadline = System.nanoTime() + 10 * SECOND;
    while (queue.releasing()) { // its thread sees the queue empty and ends
      assertTrue(System.nanoTime() < deadline, "the release thread ended");
      Thread.sleep(5);
    }

    now.addAndGet(10 * SECOND); // the flood is over: the next one is warned again
    assertEquals(Outcome.NOW, queue.offer("e"));
    assertEquals(Outcome.NOW, queue.offer("f"));
    assertEquals(Outcome.QUEUED_FIRST, queue.offer("g"));
    queue.close(1000);
  }

  @Test
  void closingDropsWhatWaitsAndRefusesMore() throws Exception {
    FloodQueue<String> queue = new FloodQueue<>(bucket, 10, this::send);
    queue.offer("a");
    queue.offer("b");
    queue.offer("c");
    queue.offer("d");
    queue.close(1000);
    assertEquals(0, queue.waiting());
    assertEquals(Outcome.DROPPED, queue.offer("e"));
    now.addAndGet(10 * SECOND);
    queue.poke();
    assertEquals(List.of(), sent, "nothing held back goes out after the close");
  }
}
