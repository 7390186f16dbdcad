package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A login a door has already proven (an SSH key or password): it reaches the account without a
 * password, but never a locked one, and never a nick nobody registered.
 */
class LoginProvenTest {
  private final Accounts accounts = mock(Accounts.class);
  private final ChatServer chat;

  LoginProvenTest() {
    when(accounts.names()).thenReturn(List.of("alice"));
    chat = ChatTestSupport.server(ChatPorts.none(Clock.systemUTC()).withAccounts(accounts));
  }

  @Test
  void aProvenLoginReachesTheAccount() {
    User alice = chat.loginProven("ALICE", "10.0.0.1", event -> {});
    assertEquals("alice", alice.account());
  }

  @Test
  void aLockedAccountIsRefusedEvenWithAProvenKey() {
    when(accounts.locked("alice")).thenReturn(true);
    ChatException refused =
        assertThrows(ChatException.class, () -> chat.loginProven("alice", "10.0.0.1", event -> {}));
    assertEquals(ChatException.Reason.LOCKED, refused.reason());
  }

  @Test
  void aNickNobodyRegisteredIsNoAccount() {
    ChatException refused =
        assertThrows(ChatException.class, () -> chat.loginProven("bob", "10.0.0.1", event -> {}));
    assertEquals(ChatException.Reason.NO_SUCH_NICK, refused.reason());
  }
}
