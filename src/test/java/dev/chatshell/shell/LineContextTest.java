package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.transport.Connection;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One typed line's context: its replies go out together when it is done, and only then. */
class LineContextTest {
  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
  private final User alice = chat.connect("alice", "127.0.0.1", event -> {});
  private final List<String> shutdowns = new ArrayList<>();
  private final SessionServices services =
      new SessionServices(
          chat,
          new CommandTable(BuiltinCommands.all()),
          TestSettings.defaults(),
          null,
          null,
          (user, reason) -> shutdowns.add(user.nick() + ": " + reason));
  private final List<ChatEvent> sent = new ArrayList<>();
  private final Shell shell = mock(Shell.class);
  private final SessionEnd end = new SessionEnd();
  private final LineContext context =
      new LineContext(services, alice, shell, sent::add, end, mock(Connection.class));

  @Test
  void theLinesCommandGetsTheChatOfItsUserNotTheServer() {
    Object handed = context.chat();
    assertFalse(handed instanceof ChatServer, "a plugin's cast must not reach promote");

    context.chat().join("#tea");

    assertEquals("#tea", alice.current().name(), "it acts as the user who typed the line");
  }

  @Test
  void aLinesRepliesGoOutAsOneReplyWhenItIsDone() {
    context.reply("first");
    context.error("second");
    assertEquals(List.of(), sent, "nothing before the line is done");
    context.finish();
    assertEquals(1, sent.size());
    assertEquals(
        List.of(new Reply.Line("first", false), new Reply.Line("second", true)),
        ((Reply) sent.getFirst()).lines());
  }

  @Test
  void aLineWithoutRepliesSendsNothingAndLaterRepliesGoOutAtOnce() {
    context.finish();
    assertEquals(List.of(), sent);
    context.reply("late");
    assertEquals(
        List.of(new Reply.Line("late", false)), ((Reply) sent.getFirst()).lines(), "on its own");
  }

  @Test
  void disconnectingSaysByeAndEndsTheSessionWithTheReasonMadeVisible() {
    context.disconnect("off\u0007 to bed");
    context.finish();
    assertEquals(List.of(new Reply.Line("Bye!", false)), ((Reply) sent.getFirst()).lines());
    assertTrue(end.leaving(), "the line loop stops");
    assertTrue(end.ending(), "the goodbye is the last thing shown");
    assertEquals(Text.visible("off\u0007 to bed"), end.reason());
    assertFalse(end.reason().contains("\u0007"), end.reason());
  }

  @Test
  void disconnectingWithoutAReasonSaysBye() {
    context.disconnect(" ");
    assertEquals("bye", end.reason());
  }

  @Test
  void stoppingTheServerAsksTheServicesInTheUsersName() {
    context.stopServer("maintenance");
    assertEquals(List.of("alice: maintenance"), shutdowns);
  }

  @Test
  void secretsAndWidthComeFromTheShell() throws IOException {
    when(shell.columns()).thenReturn(100);
    when(shell.readSecret("Password: ")).thenReturn("hunter2", (String) null);
    assertEquals(100, context.width());
    assertArrayEquals("hunter2".toCharArray(), context.readSecret("Password: "));
    assertNull(context.readSecret("Password: "), "the user went away");
    when(shell.readSecret("Password: ")).thenThrow(new LineTooLongException(4096));
    assertThrows(ChatException.class, () -> context.readSecret("Password: "));
  }
}
