package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * A chat server at a fixed time whose users' events are kept by nick, for tests of how {@link
 * Renderer} shows an event to a viewer.
 */
abstract class RendererFixture {
  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  final ChatServer chat = ChatTestSupport.server(Clock.fixed(NOW, ZoneOffset.UTC), 10);
  private final Map<String, List<ChatEvent>> received = new HashMap<>();

  /** Every event {@code nick} was sent, in order. */
  List<ChatEvent> received(String nick) {
    return received.get(nick);
  }

  User connect(String nick) {
    List<ChatEvent> events = new ArrayList<>();
    received.put(nick, events);
    return chat.connect(nick, "127.0.0.1", events::add);
  }

  /** The last event of a kind that {@code nick} was sent. */
  <T extends ChatEvent> T last(String nick, Class<T> kind) {
    List<ChatEvent> events = received.get(nick);
    for (int i = events.size() - 1; i >= 0; i--) {
      if (kind.isInstance(events.get(i))) {
        return kind.cast(events.get(i));
      }
    }
    throw new AssertionError(nick + " received no " + kind.getSimpleName() + ": " + events);
  }

  /** The line {@code viewer} sees, without its styles. */
  static String plain(ChatEvent event, User viewer) {
    return Renderer.render(event, viewer).toString();
  }

  /** The style of the first character of {@code part} in the line {@code viewer} sees. */
  static AttributedStyle styleOf(String part, ChatEvent event, User viewer) {
    AttributedString line = Renderer.render(event, viewer);
    int at = line.toString().indexOf(part);
    assertTrue(at >= 0, part + " in " + line);
    return line.styleAt(at);
  }
}
