package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.CommandContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The surface commands and plugins get (issue 13, item 2): {@link CommandContext#chat()} hands out
 * {@link ChatApi}, which has none of the server's lifecycle or the console's side doors, so a
 * plugin compiled against it cannot name them.
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
          "setTerminalsPerAccount");

  @Test
  void commandsAreHandedTheApiNotTheServer() throws Exception {
    Method chat = CommandContext.class.getMethod("chat");

    assertEquals(ChatApi.class, chat.getReturnType());
  }

  @Test
  void theApiHasNoneOfTheServersSideDoors() {
    Set<String> offered = new TreeSet<>();
    Arrays.stream(ChatApi.class.getMethods()).forEach(m -> offered.add(m.getName()));
    offered.retainAll(SIDE_DOORS);

    assertEquals(Set.of(), offered, "ChatApi must not offer these to commands and plugins");
  }

  @Test
  void theServerStillHasThemForItsOwnUse() {
    Set<String> declared = new TreeSet<>();
    Arrays.stream(ChatServer.class.getMethods()).forEach(m -> declared.add(m.getName()));

    assertTrue(declared.containsAll(SIDE_DOORS), "the test names real methods: " + declared);
  }

  @Test
  void everyOperationOfTheApiIsTheServersOwn() throws Exception {
    for (Method method : ChatApi.class.getMethods()) {
      Method implemented = ChatServer.class.getMethod(method.getName(), method.getParameterTypes());
      assertEquals(ChatServer.class, implemented.getDeclaringClass(), method.toString());
    }
  }
}
