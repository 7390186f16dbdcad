package dev.chatshell.chat;

import dev.chatshell.shell.NoticeText;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording {@link EventSink}: keeps every event a test user is told, in order.
 *
 * <p>The domain tells facts ({@link Notice}); tests written before that compare the lines users
 * read. So {@link #events()} shows each fact as the free-text event it used to be, its text
 * rendered by the shell ({@link NoticeText}): a channel's line as a {@link ChannelNotice}, a
 * farewell as a {@link Disconnected}, history as {@link HistoryLines}, anything else as a {@link
 * ServerNotice}. {@link #raw()} has the facts themselves.
 */
public final class Inbox implements EventSink {
  private final List<ChatEvent> events = new ArrayList<>();

  @Override
  public void deliver(ChatEvent event) {
    events.add(event);
  }

  /** Every event, facts shown as the lines users read (see the class comment). */
  public List<ChatEvent> events() {
    return events.stream().map(Inbox::asText).toList();
  }

  /** Every event as the domain delivered it. */
  public List<ChatEvent> raw() {
    return List.copyOf(events);
  }

  /** The text of every event, in order. */
  public List<String> texts() {
    return events().stream().map(Inbox::textOf).toList();
  }

  public <T extends ChatEvent> List<T> ofType(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The facts of one type, as delivered. */
  public <T extends Notice> List<T> told(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public void clear() {
    events.clear();
  }

  /** A fact shown as the free-text event users used to be sent; other events as they are. */
  public static ChatEvent asText(ChatEvent event) {
    if (!(event instanceof Notice notice)) {
      return event;
    }
    String text = NoticeText.text(notice);
    return switch (notice) {
      case Notice.ShownHistory lines ->
          new HistoryLines(lines.time(), text, lines.entries(), lines.withChannel());
      case Notice.Farewell farewell -> new Disconnected(farewell.time(), text);
      case Notice.ChannelEvent line -> new ChannelNotice(line.time(), line.channel(), text);
      default -> new ServerNotice(notice.time(), text);
    };
  }

  private static String textOf(ChatEvent event) {
    return switch (event) {
      case ChannelNotice notice -> notice.text();
      case ServerNotice notice -> notice.text();
      case ChannelMessage message -> message.text();
      case PrivateMessage message -> message.text();
      default -> event.toString();
    };
  }
}
