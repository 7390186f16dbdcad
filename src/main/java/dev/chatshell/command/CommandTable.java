package dev.chatshell.command;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import java.lang.annotation.AnnotationFormatError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every slash command by name, case-insensitively. Built once at start-up and read-only after, so
 * sessions share it without locking. It refuses to be built with a command lacking its {@link
 * SlashCommand} declaration or with two commands of one name, and it checks each command's static
 * privilege before running it: commands themselves only ask the domain about target-dependent
 * rules.
 */
public final class CommandTable {
  private static final Logger log = LoggerFactory.getLogger(CommandTable.class);

  /** One registered command with its declaration and the signature its arguments make. */
  public record Entry(SlashCommand spec, ChatCommand command, Signature signature) {
    public String name() {
      return spec.name();
    }

    /**
     * What running it costs in flood control, as it declares: a line when a plugin built against a
     * later server names a cost this one lacks.
     */
    public Cost cost() {
      try {
        return spec.cost();
      } catch (RuntimeException e) {
        return Cost.LINE;
      }
    }

    /** The arguments as the usage line shows them: {@code <nick> [reason]}, or "". */
    public String usage() {
      return signature.usage();
    }

    /** {@code /KICK <nick> [reason]} */
    public String synopsis() {
      String usage = usage();
      return usage.isEmpty() ? "/" + spec.name() : "/" + spec.name() + " " + usage;
    }

    /**
     * What TAB completes for the last of {@code typed}, the words after the name; the last one is
     * the word under the cursor.
     */
    public Completion completes(List<String> typed) {
      return signature.completes(typed);
    }

    /**
     * What TAB completes for argument {@code index} (0 is the first after the name) when nothing is
     * typed yet before it.
     */
    public Completion completes(int index) {
      return signature.completes(Collections.nCopies(index + 1, ""));
    }
  }

  private final Map<String, Entry> byName = new TreeMap<>();

  /** Builds the table; throws {@link IllegalArgumentException} on a bad or duplicate command. */
  public CommandTable(List<? extends ChatCommand> commands) {
    for (ChatCommand command : commands) {
      Entry entry = entryFor(command);
      if (byName.putIfAbsent(entry.name(), entry) != null) {
        throw new IllegalArgumentException(
            "Two commands are named /"
                + entry.name()
                + ": "
                + byName.get(entry.name()).command().getClass().getName()
                + " and "
                + command.getClass().getName());
      }
    }
  }

  /**
   * The built-in commands plus plugin commands. A plugin command that is badly declared or takes a
   * name already in the table is refused with a logged reason; the others are added.
   */
  public static CommandTable withPlugins(
      List<? extends ChatCommand> builtins, List<ChatCommand> plugins) {
    CommandTable table = new CommandTable(builtins);
    for (ChatCommand plugin : plugins) {
      String source = plugin.getClass().getName();
      Entry entry;
      try {
        entry = entryFor(plugin);
      } catch (IllegalArgumentException | LinkageError | AnnotationFormatError e) {
        log.warn("Refused plugin command {}: {}", source, e.getMessage());
        continue;
      }
      Entry taken = table.byName.putIfAbsent(entry.name(), entry);
      if (taken != null) {
        log.warn(
            "Refused plugin command {}: /{} is already {}",
            source,
            entry.name(),
            taken.command().getClass().getName());
      } else {
        log.info("Plugin command /{} from {}", entry.name(), source);
      }
    }
    return table;
  }

  /** Reads and checks a command's declaration. */
  public static Entry entryFor(ChatCommand command) {
    String source = command.getClass().getName();
    SlashCommand spec = command.getClass().getAnnotation(SlashCommand.class);
    if (spec == null) {
      throw new IllegalArgumentException(
          source + " has no @SlashCommand declaration (name, privilege)");
    }
    try {
      // Reading every element now: a plugin built against another server version may name a
      // privilege or completion this server lacks, which would otherwise fail on each /HELP.
      spec.privilege();
      spec.channelArgument();
      spec.forAccounts();
      for (Arg arg : spec.arguments()) {
        arg.completes();
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          source + ": its declaration does not fit this server: " + e);
    }
    if (!spec.name().matches("[A-Z][A-Z0-9]{0,15}")) {
      throw new IllegalArgumentException(
          source + ": a command name is 1-16 upper-case letters or digits");
    }
    if (spec.summary().isBlank()) {
      throw new IllegalArgumentException(source + " has no summary");
    }
    Signature signature;
    try {
      signature = Signature.of(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    return new Entry(spec, command, signature);
  }

  /** The command called {@code name} (any case, with or without the slash), or {@code null}. */
  public Entry find(String name) {
    String key = name.startsWith("/") ? name.substring(1) : name;
    return byName.get(key.toUpperCase(Locale.ROOT));
  }

  /** Every command, by name. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /**
   * The commands a user holding {@code privilege} may run, by name, assuming they are in a channel
   * unless their privilege is {@link Privilege#ANYONE}.
   */
  public List<Entry> visibleTo(Privilege privilege) {
    return visibleTo(privilege, privilege != Privilege.ANYONE);
  }

  /** The commands a user may run, by name, from their privilege and whether they have a channel. */
  public List<Entry> visibleTo(Privilege privilege, boolean inChannel) {
    List<Entry> visible = new ArrayList<>();
    for (Entry entry : byName.values()) {
      if (allows(entry, privilege, inChannel)) {
        visible.add(entry);
      }
    }
    return visible;
  }

  /** The one rule of the gate: rank high enough, and a current channel if the rank is one. */
  public static boolean allows(Entry entry, Privilege held, boolean inChannel) {
    Privilege needed = entry.spec().privilege();
    return held.covers(needed) && (inChannel || !needed.needsChannel());
  }

  /**
   * Runs a slash command line ({@code /name args}) for the context's user: unknown names, missing
   * privilege and arguments that do not fit the declaration (a word missing, or too many) are
   * refused before the command runs; refusals become one-line errors.
   */
  public void execute(CommandContext context, String line) {
    String body = line.startsWith("/") ? line.substring(1) : line;
    int space = body.indexOf(' ');
    String name = space < 0 ? body : body.substring(0, space);
    String rest = space < 0 ? "" : body.substring(space + 1);
    Entry entry = find(name);
    if (entry == null) {
      context.error(
          "Unknown command /" + Text.visible(name) + "; type /HELP for the commands you can use.");
      return;
    }
    Arguments arguments = new Arguments(rest);
    String refused = refusal(entry, context, arguments);
    if (refused == null) {
      refused = entry.signature().refusal(arguments, entry.synopsis());
    }
    if (refused != null) {
      context.error(refused);
      return;
    }
    try {
      entry.command().run(context, arguments);
    } catch (UsageException e) {
      context.error(e.getMessage() + " Usage: " + entry.synopsis());
    } catch (ChatException e) {
      context.error(e.getMessage());
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // A bug, or a plugin missing a class: the command fails, the session goes on.
      log.error("/{} failed for {}", entry.name(), context.user().nick(), e);
      context.error("/" + entry.name() + " failed because of a server error; it has been logged.");
    }
  }

  /**
   * Why the gate refuses this command line, or {@code null} when it lets it run. A channel named in
   * the arguments of a command that takes one ({@link SlashCommand#channelArgument}) stands in for
   * the current channel: the user's rank there is what counts, and no current channel is needed; a
   * command that needs only membership runs for any channel named, the command itself saying
   * whether it must be one of the user's (/WHO shows any channel, like /LIST).
   */
  static String refusal(Entry entry, CommandContext context, Arguments arguments) {
    Privilege needed = entry.spec().privilege();
    String named = namedChannel(entry, arguments);
    if (named == null) {
      Privilege held = context.privilege();
      boolean inChannel = context.user().current() != null;
      return allows(entry, held, inChannel) ? null : refusal(entry, needed, held, inChannel);
    }
    if (needed == Privilege.MEMBER || needed == Privilege.ANYONE) {
      return null; // the command itself says whether the channel must be one of the user's
    }
    boolean operator = context.privilege() == Privilege.SERVER_OPERATOR;
    if (operator) {
      return null; // above every channel rank; the command names a channel that does not exist
    }
    // Past here the gate decides alone: a plugin trusts it and checks no rank of its own, so a
    // name that is no channel is refused, never let through unchecked.
    if (named.equals("*")) {
      return "/" + entry.name() + " * (the whole server) is for server operators; you are not.";
    }
    Channel channel;
    try {
      channel = context.chat().channel(named);
    } catch (ChatException e) {
      return e.getMessage();
    }
    if (channel == null) {
      return "There is no channel " + (named.startsWith("#") ? named : "#" + named) + ".";
    }
    Privilege held = Privilege.in(context.user(), channel);
    if (held.covers(needed)) {
      return null;
    }
    return "/" + entry.name() + " is for " + needed.who(channel.name()) + "; you are not.";
  }

  /** The channel (or "*") the arguments name for a command that takes one, else null. */
  private static String namedChannel(Entry entry, Arguments arguments) {
    String first = arguments.word(0);
    if (first == null) {
      return null;
    }
    return switch (entry.spec().channelArgument()) {
      case NONE -> null;
      case FIRST -> first;
      case SCOPE -> first.equals("*") || first.startsWith("#") ? first : null;
    };
  }

  /**
   * Why {@code user} cannot run the command where they are, in a few words for /HELP ("operators
   * only", "needs channel admin"), or {@code null} when they can (for commands that take a channel,
   * when they can with one named).
   */
  public static String unavailable(Entry entry, User user, Privilege held) {
    Privilege needed = entry.spec().privilege();
    boolean inChannel = user.current() != null;
    if (allows(entry, held, inChannel)) {
      return null;
    }
    ChannelArgument argument = entry.spec().channelArgument();
    if (needed == Privilege.SERVER_OPERATOR) {
      return "operators only";
    }
    if (needed == Privilege.MEMBER && argument == ChannelArgument.FIRST) {
      return null; // with a channel named, for anyone: /WHO #rust
    }
    if (held == Privilege.SERVER_OPERATOR && argument == ChannelArgument.SCOPE) {
      return null; // with * for the whole server
    }
    if (needed == Privilege.MEMBER || held.covers(needed)) {
      return "needs a current channel";
    }
    if (!inChannel) {
      return switch (needed) {
        case MAIN_ADMIN -> "needs a channel where you are main admin";
        default -> "needs a channel where you are admin";
      };
    }
    return needed == Privilege.MAIN_ADMIN ? "needs main admin" : "needs channel admin";
  }

  private static String refusal(Entry entry, Privilege needed, Privilege held, boolean inChannel) {
    if (needed == Privilege.MEMBER || (!inChannel && held.covers(needed))) {
      return "/"
          + entry.name()
          + " needs a current channel: /JOIN one first"
          + (entry.spec().channelArgument() == ChannelArgument.FIRST
              ? ", or name one: /" + entry.name() + " #channel."
              : ".");
    }
    return "/"
        + entry.name()
        + " is for "
        + needed.who()
        + (held == Privilege.ANYONE ? "; you are in no channel." : "; you are not.");
  }
}
