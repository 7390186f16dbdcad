package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Inbox;
import dev.chatshell.chat.User;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivilegeTest {

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "SERVER_OPERATOR, SERVER_OPERATOR, true",
    "SERVER_OPERATOR, MAIN_ADMIN, true",
    "SERVER_OPERATOR, SECONDARY_ADMIN, true",
    "SERVER_OPERATOR, MEMBER, true",
    "SERVER_OPERATOR, ANYONE, true",
    "MAIN_ADMIN, SERVER_OPERATOR, false",
    "MAIN_ADMIN, MAIN_ADMIN, true",
    "MAIN_ADMIN, SECONDARY_ADMIN, true",
    "MAIN_ADMIN, MEMBER, true",
    "MAIN_ADMIN, ANYONE, true",
    "SECONDARY_ADMIN, SERVER_OPERATOR, false",
    "SECONDARY_ADMIN, MAIN_ADMIN, false",
    "SECONDARY_ADMIN, SECONDARY_ADMIN, true",
    "SECONDARY_ADMIN, MEMBER, true",
    "SECONDARY_ADMIN, ANYONE, true",
    "MEMBER, SERVER_OPERATOR, false",
    "MEMBER, MAIN_ADMIN, false",
    "MEMBER, SECONDARY_ADMIN, false",
    "MEMBER, MEMBER, true",
    "MEMBER, ANYONE, true",
    "ANYONE, SERVER_OPERATOR, false",
    "ANYONE, MAIN_ADMIN, false",
    "ANYONE, SECONDARY_ADMIN, false",
    "ANYONE, MEMBER, false",
    "ANYONE, ANYONE, true",
  })
  void covers(Privilege held, Privilege required, boolean expected) {
    assertEquals(expected, held.covers(required));
  }

  @Test
  void everyPrivilegeSaysWhoHoldsIt() {
    for (Privilege privilege : Privilege.values()) {
      assertFalse(privilege.who().isBlank(), privilege.name());
    }
    assertEquals(
        Privilege.values().length,
        Arrays.stream(Privilege.values()).map(Privilege::who).distinct().count());
  }

  @Test
  void ofIsTheRoleInTheCurrentChannel() {
    ChatServer server = ChatTestSupport.server(Clock.systemUTC(), 50);
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", new Inbox());
    User carol = server.connect("carol", "c", new Inbox());
    User dave = server.connect("dave", "d", new Inbox());
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    ChatTestSupport.setRole(a, carol, ChannelRole.SECONDARY_ADMIN);

    assertEquals(Privilege.MAIN_ADMIN, Privilege.of(alice));
    assertEquals(Privilege.MEMBER, Privilege.of(bob));
    assertEquals(Privilege.SECONDARY_ADMIN, Privilege.of(carol));
    assertEquals(Privilege.ANYONE, Privilege.of(dave));
  }

  @Test
  void ofFollowsTheUserFromChannelToChannel() {
    ChatServer server = ChatTestSupport.server(Clock.systemUTC(), 50);
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", new Inbox());
    server.join(alice, "#mine");
    server.join(bob, "#theirs");
    server.join(alice, "#theirs");

    assertEquals(Privilege.MEMBER, Privilege.of(alice));
    server.switchTo(alice, "#mine");
    assertEquals(Privilege.MAIN_ADMIN, Privilege.of(alice));
    server.leave(alice, null, null);
    server.leave(alice, null, null);
    assertEquals(Privilege.ANYONE, Privilege.of(alice));
  }
}
