package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.Notice;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.Topic;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell's words for the domain's facts. */
class NoticeTextTest {
  private static final Instant NOW = Instant.parse("2026-11-20T09:05:00Z");

  @Test
  void aKickIsToldFromItsFacts() {
    assertEquals(
        "bob was kicked from #x by alice (spamming links)",
        NoticeText.text(new Notice.Kicked(NOW, "#x", "bob", "alice", "spamming links")));
    assertEquals(
        "You were kicked from #x by alice. You may /JOIN it again.",
        NoticeText.text(new Notice.KickedYou(NOW, "#x", "alice", null)));
  }

  @Test
  void aGrantAndARevokeAreOneEventWithTheNewRole() {
    assertEquals(
        "alice made bob a secondary admin (@) of #x. It is kept across restarts.",
        NoticeText.text(
            new Notice.RoleChanged(
                NOW,
                "#x",
                "alice",
                "bob",
                ChannelRole.SECONDARY_ADMIN,
                Notice.Lasting.ACROSS_RESTARTS)));
    assertEquals(
        "alice took back bob's secondary-admin rights in #x.",
        NoticeText.text(
            new Notice.RoleChanged(
                NOW, "#x", "alice", "bob", ChannelRole.MEMBER, Notice.Lasting.UNSAID)));
  }

  @Test
  void aTypedReasonIsMadeSafeWhenShown() {
    String shown = NoticeText.text(new Notice.Left(NOW, "#x", "bob", "bye\u001b[31m"));
    assertEquals("bob has left #x (" + Text.visible("bye\u001b[31m") + ")", shown);
    assertFalse(shown.contains("\u001b"), shown);
  }

  @Test
  void aFarewellIsShownAsAnErrorAndEndsTheSession() {
    Notice.KilledYou killed = new Notice.KilledYou(NOW, "oscar", "flooding");
    assertEquals(
        "-!- You were disconnected by server operator oscar (flooding).",
        Renderer.render(killed, null).toString());
    assertTrue(Renderer.isFarewell(killed));
    assertFalse(Renderer.isFarewell(new Notice.Joined(NOW, "#x", "bob")));
  }

  @Test
  void historyIsShownUnderItsHeadingWithoutATimestamp() {
    HistoryEntry said = new HistoryEntry(NOW, "#x", "bob", null, List.of(), List.of(), "hello");
    Notice.Scrollback earlier = new Notice.Scrollback(NOW, "#x", List.of(said));
    assertEquals(
        "-!- Earlier in #x (/HISTORY shows more):\n[09:05] <bob> hello",
        Renderer.render(earlier, null).toString());
  }

  /**
   * Every kind of event has words, and none of them shows "null" for a fact that is there: each
   * type is built with sample facts and rendered. (The switch being exhaustive is the compiler's
   * check; this one catches a rendering that throws or drops a fact.)
   */
  @Test
  void everyKindOfEventIsRendered() throws Exception {
    List<Class<?>> kinds = new ArrayList<>();
    collect(Notice.class, kinds);
    assertTrue(kinds.size() > 40, "found " + kinds.size());
    for (Class<?> kind : kinds) {
      RecordComponent[] components = kind.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(components[i]);
      }
      Notice notice = (Notice) kind.getDeclaredConstructor(types).newInstance(values);
      String text = NoticeText.text(notice);
      assertFalse(text.isBlank(), kind.getSimpleName());
      assertFalse(text.contains("null"), kind.getSimpleName() + ": " + text);
    }
  }

  private static void collect(Class<?> type, List<Class<?>> into) {
    if (type.isRecord()) {
      into.add(type);
      return;
    }
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (!into.contains(sub)) {
        collect(sub, into);
      }
    }
  }

  private static Object sample(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == Instant.class) {
      return NOW;
    }
    if (type == String.class) {
      return component.getName();
    }
    if (type == int.class) {
      return 2;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == ChannelRole.class) {
      return ChannelRole.SECONDARY_ADMIN;
    }
    if (type == Notice.Lasting.class) {
      return Notice.Lasting.UNTIL_THEY_LEAVE;
    }
    if (type == Topic.class) {
      return new Topic("news", "alice", NOW);
    }
    if (type == Ban.class) {
      return new Ban("#x", Ban.Kind.NICK, "bob", "alice", "spam", NOW, null);
    }
    if (type == ChatException.class) {
      return new ChatException(ChatException.Reason.LIMIT, "Too many.");
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == dev.chatshell.chat.AccountKey.class) {
      return new dev.chatshell.chat.AccountKey(
          "SHA256:fingerprint", "ssh-ed25519", "ssh-ed25519 AAAA", "me@laptop", NOW);
    }
    throw new AssertionError("no sample for " + type + " " + component.getName());
  }
}
