package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain's refusals as the numerics clients expect, with the domain's own sentence. */
class RefusalsTest {

  private static List<String> told(Reason reason, String target) {
    Response out = new Response("srv", "bob");
    Refusals.tell(out, new ChatException(reason, "Because."), target);
    return out.toEvent().lines();
  }

  @Test
  void eachReasonHasItsNumeric() {
    assertEquals(List.of(":srv 401 bob carol :Because."), told(Reason.NO_SUCH_NICK, "carol"));
    assertEquals(List.of(":srv 403 bob #c :Because."), told(Reason.NO_SUCH_CHANNEL, "#c"));
    assertEquals(List.of(":srv 442 bob #c :Because."), told(Reason.NOT_IN_CHANNEL, "#c"));
    assertEquals(List.of(":srv 482 bob #c :Because."), told(Reason.RANK_TOO_LOW, "#c"));
    assertEquals(List.of(":srv 481 bob carol :Because."), told(Reason.RANK_TOO_LOW, "carol"));
    assertEquals(List.of(":srv 474 bob #c :Because."), told(Reason.BANNED, "#c"));
    assertEquals(List.of(":srv 473 bob #c :Because."), told(Reason.INVITE_ONLY, "#c"));
    assertEquals(List.of(":srv 433 bob carol :Because."), told(Reason.NAME_TAKEN, "carol"));
    assertEquals(List.of(":srv 464 bob :Because."), told(Reason.BAD_PASSWORD, "carol"));
    assertEquals(List.of(":srv 405 bob #c :Because."), told(Reason.LIMIT, "#c"));
    assertEquals(List.of(":srv 403 bob #c :Because."), told(Reason.INVALID, "#c"));
  }

  @Test
  void whatHasNoNumericIsANoticeWithTheSentence() {
    assertEquals(List.of(":srv NOTICE bob :Because."), told(Reason.LIMIT, "carol"));
    assertEquals(List.of(":srv NOTICE bob :Because."), told(Reason.INVALID, "carol"));
    for (Reason reason :
        List.of(
            Reason.REFUSED,
            Reason.UNAVAILABLE,
            Reason.TRY_LATER,
            Reason.NO_ACCOUNT,
            Reason.LOCKED,
            Reason.GONE)) {
      assertEquals(List.of(":srv NOTICE bob :Because."), told(reason, "#c"), reason.name());
    }
  }
}
