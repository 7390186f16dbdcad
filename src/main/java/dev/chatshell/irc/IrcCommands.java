package dev.chatshell.irc;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.CommandTable;
import java.util.HashMap;
import java.util.Map;

/**
 * The IRC verbs the door understands, each with the least number of parameters it needs and whether
 * it costs a line in flood control: arity and cost are data, checked here before any handler runs
 * (461 ERR_NEEDMOREPARAMS), as ergo's command table does. A verb that is not IRC but is a chatshell
 * slash command ({@code /quote ACCEPT bob}) runs through the shell's command table ({@link
 * SlashCommands}); anything else is 421, never a disconnect.
 */
final class IrcCommands {
  /** What one verb does, with the response it fills. */
  @FunctionalInterface
  interface Handler {
    void run(IrcSession session, IrcMessage message, Response out);
  }

  /**
   * @param minParams parameters needed before the handler runs
   * @param costsLine true when it changes something others see: it waits its turn in flood control
   */
  record Entry(int minParams, boolean costsLine, Handler handler) {}

  private final Map<String, Entry> verbs = new HashMap<>();
  private final SlashCommands slash;

  IrcCommands(CommandTable shellCommands) {
    this.slash = new SlashCommands(shellCommands);
    // registration and connection
    add("CAP", 1, false, (s, m, out) -> s.registration().cap(m, out));
    add("AUTHENTICATE", 1, false, (s, m, out) -> s.registration().authenticate(m, out));
    add("NICK", 0, true, ChannelCommands::nick);
    add("USER", 0, false, (s, m, out) -> out.numeric("462", "You may not reregister"));
    add("PASS", 0, false, (s, m, out) -> out.numeric("462", "You may not reregister"));
    add("PING", 1, false, Queries::ping);
    add("PONG", 0, false, (s, m, out) -> {});
    add("QUIT", 0, false, Queries::quit);
    // what the server and others look like
    add("MOTD", 0, false, (s, m, out) -> Queries.motd(s, out));
    add("LUSERS", 0, false, (s, m, out) -> Queries.lusers(s, out));
    add("VERSION", 0, false, Queries::version);
    add("TIME", 0, false, Queries::time);
    add("WHOIS", 1, false, Queries::whois);
    add("WHO", 0, false, Queries::who);
    add("WHOWAS", 1, false, Queries::whowas);
    add("LINKS", 0, false, Queries::links);
    add("INFO", 0, false, Queries::info);
    add("ISON", 1, false, Queries::ison);
    add("USERHOST", 1, false, Queries::userhost);
    add("NAMES", 0, false, Queries::names);
    add("LIST", 0, false, Queries::list);
    // channels
    add("JOIN", 1, true, ChannelCommands::join);
    add("PART", 1, true, ChannelCommands::part);
    add("TOPIC", 1, false, ChannelCommands::topic);
    add("INVITE", 2, true, ChannelCommands::invite);
    add("KICK", 2, true, ChannelCommands::kick);
    add("MODE", 1, false, Modes::mode);
    add("RENAME", 2, true, ChannelCommands::rename);
    add("CHATHISTORY", 3, false, Queries::chathistory);
    // messages and presence
    add("PRIVMSG", 0, false, Messages::privmsg);
    add("NOTICE", 0, false, Messages::notice);
    add("AWAY", 0, true, Messages::away); // everyone in the user's channels is told
    // client-only tags (typing notifications): nobody here shows them, so they go nowhere
    add("TAGMSG", 1, false, (s, m, out) -> {});
    // accounts and operators
    add("REGISTER", 1, true, AccountCommands::register);
    add("PASSWD", 2, true, AccountCommands::passwd);
    add("OPER", 2, true, AccountCommands::oper);
    add("KILL", 2, true, AccountCommands::kill);
  }

  private void add(String verb, int minParams, boolean costsLine, Handler handler) {
    verbs.put(verb, new Entry(minParams, costsLine, handler));
  }

  /** A line from a client that has not registered yet. */
  void register(IrcSession session, IrcMessage message, Response out) {
    switch (message.command()) {
      case "CAP" -> run(session, message, out);
      case "AUTHENTICATE" -> run(session, message, out);
      case "NICK" -> session.registration().nick(message, out);
      case "USER" -> session.registration().user(message, out);
      case "PASS" -> {} // accounts log in with SASL; a server password is not asked
      case "PING", "PONG", "QUIT" -> run(session, message, out);
      default -> out.numeric("451", message.command(), "You have not registered");
    }
  }

  /** A line from a registered client. */
  void run(IrcSession session, IrcMessage message, Response out) {
    Entry entry = verbs.get(message.command());
    if (entry == null) {
      if (session.user() == null || !slash.run(session, message, out)) {
        out.numeric("421", message.command(), "Unknown command");
      }
      return;
    }
    if (message.params().size() < entry.minParams()) {
      out.numeric("461", message.command(), "Not enough parameters");
      return;
    }
    if (entry.costsLine() && session.user() != null && !session.flood().awaitTurn()) {
      return; // dropped by flood control, which told the user
    }
    try {
      entry.handler().run(session, message, out);
    } catch (ChatException e) {
      Refusals.tell(out, e, message.param(0, "*"));
    }
  }
}
