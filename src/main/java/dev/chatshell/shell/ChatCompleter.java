package dev.chatshell.shell;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.CommandTable.Entry;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion from the command table and the domain: the first word completes to the commands
 * the user may run where they are, in the case the user started typing them; each argument
 * completes to what the command's declaration says (nicks for /MSG, channels for /JOIN, other
 * members for /KICK, ...); in plain text, the nicks of the current channel, addressed IRC style
 * ({@code bob: }) when the nick starts the line.
 */
final class ChatCompleter implements Completer {
  /** Candidates offered at most, so TAB costs little however many users and channels exist. */
  private static final int LIMIT = 50;

  private final ChatServer chat;
  private final CommandTable commands;
  private final Supplier<User> user;

  ChatCompleter(ChatServer chat, CommandTable commands, Supplier<User> user) {
    this.chat = chat;
    this.commands = commands;
    this.user = user;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    User me = user.get();
    if (me == null) {
      return; // still at the login prompt
    }
    List<String> words = line.words();
    String first = words.isEmpty() ? "" : words.get(0);
    int index = line.wordIndex();
    if (index == 0 && (first.isEmpty() || first.startsWith("/"))) {
      boolean lower = typedInLowerCase(first);
      for (Entry entry : commands.visibleTo(Privilege.of(me), me.current() != null)) {
        candidates.add(candidate("/" + inCase(entry.name(), lower), entry.spec().summary(), true));
      }
      return;
    }
    if (!first.startsWith("/")) {
      // A nick that starts the line addresses that person: "bob: " as on IRC.
      addMembers(me, line.word(), index == 0 ? ":" : "", false, candidates);
      return;
    }
    Entry entry = commands.find(first);
    if (entry == null || !CommandTable.allows(entry, Privilege.of(me), me.current() != null)) {
      return;
    }
    String word = line.word();
    // The words before the cursor decide which argument this one is: /BAN #c <TAB> is a target.
    List<String> typed = new ArrayList<>(words.subList(1, Math.min(index, words.size())));
    typed.add(word);
    Completion kind = entry.completes(typed);
    switch (kind) {
      case NICK ->
          chat.nicksStartingWith(word, LIMIT)
              .forEach(n -> candidates.add(candidate(n, null, true)));
      case NICK_LIST -> {
        int cut = word.lastIndexOf(';') + 1;
        String before = word.substring(0, cut);
        chat.nicksStartingWith(word.substring(cut), LIMIT)
            .forEach(n -> candidates.add(candidate(before + n, null, true)));
      }
      case MEMBER -> addMembers(me, word, "", false, candidates);
      case OTHER_MEMBER -> addMembers(me, word, "", true, candidates);
      case CHANNEL ->
          chat.channelsStartingWith(word, LIMIT)
              .forEach(c -> candidates.add(candidate(c.name(), null, true)));
      case MY_CHANNEL ->
          me.channels().forEach(c -> candidates.add(candidate(c.name(), null, true)));
      case COMMAND -> {
        boolean lower = typedInLowerCase(word);
        commands
            .visibleTo(Privilege.of(me), me.current() != null)
            .forEach(
                e -> candidates.add(candidate(inCase(e.name(), lower), e.spec().summary(), true)));
      }
      case NONE -> {}
    }
  }

  /**
   * The members of the current channel whose nick starts with {@code prefix}, each followed by
   * {@code suffix}; without the user when {@code others} (nobody kicks, bans or promotes themself).
   */
  private static void addMembers(
      User me, String prefix, String suffix, boolean others, List<Candidate> candidates) {
    Channel current = me.current();
    if (current == null) {
      return;
    }
    String typed = Names.key(prefix);
    int offered = 0;
    for (Member member : current.members()) {
      if (others && member.user() == me) {
        continue;
      }
      String nick = member.user().nick();
      if (Names.key(nick).startsWith(typed) && offered++ < LIMIT) {
        candidates.add(new Candidate(nick + suffix, nick, null, null, null, null, true));
      }
    }
  }

  /**
   * True when the user typed the command in lower case ({@code /jo}), so it completes as {@code
   * /join}; nothing typed yet, or any capital, keeps the table's upper case.
   */
  private static boolean typedInLowerCase(String typed) {
    boolean lower = false;
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (Character.isUpperCase(c)) {
        return false;
      }
      lower |= Character.isLowerCase(c);
    }
    return lower;
  }

  private static String inCase(String name, boolean lower) {
    return lower ? name.toLowerCase(Locale.ROOT) : name;
  }

  private static Candidate candidate(String value, String description, boolean complete) {
    return new Candidate(value, value, null, description, null, null, complete);
  }
}
