package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.chatshell.chat.Accounts;
import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatPorts;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.ModerationListener;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database behind a port fails in the middle of a command: the user is told, the domain keeps
 * what it had (nothing half-done in memory, nobody else told), and the same command works once the
 * database answers again. The ports are Mockito mocks: a failing write is one line, where a
 * hand-written fake of {@link ChannelRegistry} or {@link Accounts} would be a page.
 */
class StoreFailureTest {
  /** What the real stores say when the database does not answer a write. */
  private static final String DOWN =
      "The database is not answering; nothing was changed. Try again later.";

  private final ChannelRegistry registry = mock(ChannelRegistry.class);
  private final Accounts accounts = mock(Accounts.class);
  private final ModerationListener moderation = mock(ModerationListener.class);
  private final ChatServer server = newServer(accounts, registry, moderation);
  private final CommandTable commands = new CommandTable(BuiltinCommands.all());

  /** The one place this test builds a chat server over its ports. */
  private static ChatServer newServer(
      Accounts accounts, ChannelRegistry registry, ModerationListener moderation) {
    return ChatTestSupport.server(
        ChatPorts.none(Clock.systemUTC())
            .withModeration(moderation)
            .withAccounts(accounts)
            .withRegistry(registry));
  }

  private FakeContext connect(String nick) {
    return new FakeContext(server, commands, nick);
  }

  /** A user logged in to an account of their nick's name (the account store is not asked). */
  private FakeContext withAccount(String nick) {
    FakeContext user = connect(nick);
    ChatTestSupport.setAccount(user.user(), nick);
    return user;
  }

  @Test
  void aChannelWhoseRegistrationIsNotStoredStaysUnregisteredAndNobodyIsTold() {
    FakeContext alice = withAccount("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();
    doThrow(new ChatException(DOWN)).when(registry).register(any(), any());

    alice.run("/REGISTER #a");

    assertEquals(List.of(DOWN), alice.errors());
    verify(registry)
        .register(argThat(r -> r.name().equals("#a") && "alice".equals(r.founder())), any());
    assertFalse(server.channel("#a").isRegistered());
    assertEquals(List.of(), alice.inbox().texts());
    assertEquals(List.of(), bob.inbox().texts());
    verifyNoInteractions(moderation);

    doNothing().when(registry).register(any(), any()); // the database answers again
    alice.clear().run("/REGISTER #a");

    assertEquals(List.of(), alice.errors());
    assertTrue(server.channel("#a").isRegistered());
    assertEquals(1, bob.inbox().texts().size(), "told once it is stored");
  }

  @Test
  void aTopicNotStoredIsNotSetAndNobodyIsTold() {
    FakeContext alice = withAccount("alice").run("/JOIN #a").run("/REGISTER #a").run("/TOPIC old");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();
    doThrow(new ChatException(DOWN)).when(registry).setTopic(eq("#a"), any());

    alice.run("/TOPIC new");

    assertEquals(List.of(DOWN), alice.errors());
    assertEquals("old", server.channel("#a").topic().text());
    assertEquals(List.of(), bob.inbox().texts());
  }

  @Test
  void aGrantNotStoredLeavesTheRoleAsItWas() {
    FakeContext alice = withAccount("alice").run("/JOIN #a").run("/REGISTER #a");
    FakeContext bob = withAccount("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();
    doThrow(new ChatException(DOWN)).when(registry).addAdmin("#a", "bob");

    alice.run("/GRANT bob");

    assertEquals(List.of(DOWN), alice.errors());
    assertEquals(ChannelRole.MEMBER, server.channel("#a").roleOf(bob.user()));
    assertEquals(List.of(), bob.inbox().texts());
    assertTrue(server.channel("#a").adminAccounts().isEmpty(), "no admin kept in memory either");
  }

  @Test
  void anAccountNotStoredIsNotMadeAndTheNickIsFreeToRegisterAgain() {
    when(accounts.register(anyString(), eq("alice"), any())).thenThrow(new ChatException(DOWN));
    FakeContext alice = connect("alice").willType("correct horse").willType("correct horse");

    alice.run("/REGISTER");

    assertEquals(List.of(DOWN), alice.errors());
    assertNull(alice.user().account());
    assertEquals(List.of(), alice.inbox().texts());

    when(accounts.register(anyString(), eq("alice"), any())).thenReturn(true); // answers again
    alice.clear().willType("correct horse").willType("correct horse").run("/REGISTER");

    assertEquals(List.of(), alice.errors(), "the name taken for the failed try was given back");
    assertEquals("alice", alice.user().account());
  }
}
