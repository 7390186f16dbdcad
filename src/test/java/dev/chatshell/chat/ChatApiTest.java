package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The surface commands and plugins get (issue 13, item 2): {@link CommandContext#chat()} hands out
 * a {@link ChatApi} bound to the user who typed the line. It has none of the server's lifecycle or
 * the console's side doors, it is not the {@link ChatServer} (a cast gets nothing), and none of its
 * operations takes a {@link User} to act as, so a command that can see another user (a channel's
 * members) still cannot act in their name.
 */
class ChatApiTest {
  /** What only the server itself, its sessions and its console may do. */
  private static final Set<String> SIDE_DOORS =
      Set.of(
          "promote",
          "connect",
          "connectConsole",
          "login",
          "disconnect",
          "disconnectAll",
          "announce",
          "reserveForConsole",
          "setScrollback",
          "setTerminalsPerAccount",
          "forUser");

  private final ChatServer server = ChatTestSupport.server(java.time.Clock.systemUTC(), 50);
  private final CommandTable commands = new CommandTable(BuiltinCommands.all());

  @Test
  void commandsAreHandedTheApiNotTheServer() throws Exception {
    Method chat = CommandContext.class.getMethod("chat");

    assertEquals(ChatApi.class, chat.getReturnType());
  }

  @Test
  void theObjectACommandGetsIsNotTheServer() {
    FakeContext alice = new FakeContext(server, commands, "alice");

    // Through Object: the compiler already refuses the cast from ChatApi to ChatServer.
    Object handed = alice.chat();
    assertFalse(handed instanceof ChatServer, "a cast must not reach promote");
    assertEquals(UserChat.class, handed.getClass());
    assertFalse(ChatServer.class.isAssignableFrom(UserChat.class));
    assertFalse(ChatApi.class.isAssignableFrom(ChatServer.class), "the server is no ChatApi");
  }

  @Test
  void theBoundClassOffersNothingButTheApi() {
    Set<String> api = new TreeSet<>();
    Arrays.stream(ChatApi.class.getMethods()).forEach(m -> api.add(m.getName()));
    List<String> extra = new ArrayList<>();
    for (Method method : UserChat.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && !api.contains(method.getName())
          && !method.getName().equals("toString")) {
        extra.add(method.getName());
      }
    }

    assertEquals(List.of(), extra, "public methods of UserChat beyond ChatApi");
    assertEquals(0, UserChat.class.getConstructors().length, "only ChatServer.forUser makes one");
    assertTrue(Modifier.isFinal(UserChat.class.getModifiers()), "no subclass adds a door");
  }

  @Test
  void theApiHasNoneOfTheServersSideDoors() {
    Set<String> offered = new TreeSet<>();
    Arrays.stream(ChatApi.class.getMethods()).forEach(m -> offered.add(m.getName()));
    offered.retainAll(SIDE_DOORS);

    assertEquals(Set.of(), offered, "ChatApi must not offer these to commands and plugins");
  }

  @Test
  void noOperationTakesAUserToActAsOrHandsOutTheServer() {
    List<String> wrong = new ArrayList<>();
    for (Method method : ChatApi.class.getMethods()) {
      if (Arrays.asList(method.getParameterTypes()).contains(User.class)) {
        wrong.add(method + " takes a User");
      }
      if (method.getReturnType() == ChatServer.class || method.getReturnType() == UserChat.class) {
        wrong.add(method + " hands out " + method.getReturnType().getSimpleName());
      }
    }

    assertEquals(List.of(), wrong);
  }

  @Test
  void theServerStillHasThemForItsOwnUse() {
    Set<String> declared = new TreeSet<>();
    Arrays.stream(ChatServer.class.getMethods()).forEach(m -> declared.add(m.getName()));

    assertTrue(declared.containsAll(SIDE_DOORS), "the test names real methods: " + declared);
  }

  /**
   * Each operation is the server's own, with the bound user as the one who acts (or a query); an
   * operation that uses the key the user's session proved it holds (/OPER by key) has that key
   * bound too, after the other arguments: a command cannot hand one in.
   */
  @Test
  void everyOperationOfTheApiIsTheServersOwnWithTheUserBound() {
    for (Method method : ChatApi.class.getMethods()) {
      List<Class<?>> withActor = new ArrayList<>();
      withActor.add(User.class);
      withActor.addAll(Arrays.asList(method.getParameterTypes()));
      boolean acting = has(method.getName(), withActor.toArray(Class<?>[]::new));
      boolean query = has(method.getName(), method.getParameterTypes());
      withActor.add(String.class);
      boolean withKey = has(method.getName(), withActor.toArray(Class<?>[]::new));
      assertTrue(acting || query || withKey, "ChatServer has no " + method);
    }
  }

  /**
   * The SSH door's proof is bound by the session: a command whose session proved no key, or another
   * key, cannot become an operator by naming one, whatever it passes.
   */
  @Test
  void noOperationTakesAKeyAsProof() {
    for (Method method : ChatApi.class.getMethods()) {
      if (method.getName().startsWith("oper")) {
        assertEquals(
            method.getName().equals("oper") ? 2 : 1,
            method.getParameterCount(),
            method + ": a name (and a password), never a key");
      }
    }
  }

  private static boolean has(String name, Class<?>[] parameters) {
    try {
      ChatServer.class.getMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * The escalation the binding closes: bob sees alice, the channel's main admin, among its members,
   * yet what he is handed kicks as bob and is refused; the world is as it was.
   */
  @Test
  void aCommandSeeingAnAdminAmongTheMembersStillActsAsItsOwnUser() {
    FakeContext alice = new FakeContext(server, commands, "alice");
    FakeContext bob = new FakeContext(server, commands, "bob");
    FakeContext carol = new FakeContext(server, commands, "carol");
    Channel room = alice.chat().join("#room");
    bob.chat().join("#room");
    carol.chat().join("#room");
    User admin = bob.chat().membersSeenBy(room).getFirst().user();
    assertSame(alice.user(), admin, "bob can see alice's User");
    List<User> everyone = List.of(alice.user(), bob.user(), carol.user());
    WorldSnapshot before = WorldSnapshot.of(server, everyone);

    assertThrows(ChatException.class, () -> bob.chat().kick("carol", "mine now"));

    assertEquals(before, WorldSnapshot.of(server, everyone));
    alice.chat().kick("carol", "as herself");
    assertNotEquals(before, WorldSnapshot.of(server, everyone), "alice's own kick is hers");
  }
}
