package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a session ends: each way in once, in whatever order the threads get there. */
class SessionEndTest {
  private final SessionEnd end = new SessionEnd();

  @Test
  void aDropIsLoggedOnceAndKeepsTheFirstReason() {
    assertEquals(SessionEnd.Drop.UNEXPECTED, end.drop("connection lost"));
    assertEquals(SessionEnd.Drop.ALREADY, end.drop("ping timeout"));
    assertEquals("connection lost", end.reason());
    assertTrue(end.leaving());
    assertTrue(end.dropped());
  }

  @Test
  void aDropAfterByeIsTheClientHangingUpAsItLeft() {
    end.bye("see you");
    assertEquals(SessionEnd.Drop.CLEAN, end.drop("connection lost"));
    assertEquals("see you", end.reason());
  }

  @Test
  void aDropAfterAnEvictionIsRoutineAndKeepsItsReason() {
    assertTrue(end.evict("idle for 2 hours", 42));
    assertEquals(SessionEnd.Drop.EVICTED, end.drop("connection lost"));
    assertEquals("idle for 2 hours", end.reason());
  }

  @Test
  void aSessionIsEvictedOnceAndNeverOnItsWayOut() {
    assertTrue(end.evict("idle", 0));
    assertTrue(end.evictedAt() != 0, "even at time 0");
    assertFalse(end.evict("idle again", 5), "once");

    SessionEnd leaving = new SessionEnd();
    leaving.bye("bye");
    assertFalse(leaving.evict("idle", 5), "after /BYE");

    SessionEnd shuttingDown = new SessionEnd();
    shuttingDown.lastWords();
    assertFalse(shuttingDown.evict("idle", 5), "while the server goes down");
  }

  @Test
  void closingKeepsAReasonGivenBefore() {
    end.bye("see you");
    end.close("server shutting down");
    assertEquals("see you", end.reason());
    SessionEnd closed = new SessionEnd();
    closed.close("server shutting down");
    assertEquals("server shutting down", closed.reason());
    assertTrue(closed.leaving());
    assertFalse(closed.ending(), "closing says nothing of what is shown");
  }

  @Test
  void aFarewellMakesThisBatchAndEveryLaterOneTheLast() {
    assertFalse(end.isLast(false));
    assertTrue(end.isLast(true));
    assertTrue(end.isLast(false), "no prompt is drawn after a farewell");
  }
}
