package dev.chatshell.testing;

import dev.chatshell.command.Privilege;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in commands as the specification lists them, each with the privilege it needs: written
 * out once, by hand, for every test that checks a list of commands (the table's declarations,
 * completion, help) against it.
 */
public final class BuiltinCommandList {
  private BuiltinCommandList() {}

  /** Every built-in command's name and the privilege it declares. */
  public static final Map<String, Privilege> PRIVILEGES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("HELP", Privilege.ANYONE),
              Map.entry("SHUTDOWN", Privilege.SERVER_OPERATOR),
              Map.entry("LIST", Privilege.ANYONE),
              Map.entry("REGISTER", Privilege.ANYONE),
              Map.entry("PASSWD", Privilege.ANYONE),
              Map.entry("KEY", Privilege.ANYONE),
              Map.entry("TOPIC", Privilege.MEMBER),
              Map.entry("TOPICLOCK", Privilege.SECONDARY_ADMIN),
              Map.entry("LIMIT", Privilege.MEMBER),
              Map.entry("HISTORY", Privilege.ANYONE),
              Map.entry("ME", Privilege.MEMBER),
              Map.entry("BAN", Privilege.SECONDARY_ADMIN),
              Map.entry("UNBAN", Privilege.SECONDARY_ADMIN),
              Map.entry("BANS", Privilege.MEMBER),
              Map.entry("PRIVATE", Privilege.MAIN_ADMIN),
              Map.entry("INVITE", Privilege.SECONDARY_ADMIN),
              Map.entry("ACCEPT", Privilege.SECONDARY_ADMIN),
              Map.entry("DENY", Privilege.SECONDARY_ADMIN),
              Map.entry("REQUESTS", Privilege.SECONDARY_ADMIN),
              Map.entry("AWAY", Privilege.ANYONE),
              Map.entry("IGNORE", Privilege.ANYONE),
              Map.entry("UNIGNORE", Privilege.ANYONE),
              Map.entry("DEL", Privilege.MAIN_ADMIN),
              Map.entry("JOIN", Privilege.ANYONE),
              Map.entry("LEAVE", Privilege.MEMBER),
              Map.entry("WHO", Privilege.MEMBER),
              Map.entry("CURRENT", Privilege.ANYONE),
              Map.entry("MSG", Privilege.ANYONE),
              Map.entry("NICK", Privilege.ANYONE),
              Map.entry("BYE", Privilege.ANYONE),
              Map.entry("KICK", Privilege.SECONDARY_ADMIN),
              Map.entry("GRANT", Privilege.MAIN_ADMIN),
              Map.entry("REVOKE", Privilege.MAIN_ADMIN),
              Map.entry("SET", Privilege.ANYONE),
              Map.entry("REN", Privilege.MAIN_ADMIN),
              Map.entry("KILL", Privilege.SERVER_OPERATOR),
              Map.entry("OPER", Privilege.ANYONE)));

  /**
   * The commands needing one of {@code privileges}, as typed ("/NAME"), in alphabetical order: what
   * completion offers someone who holds exactly those.
   */
  public static List<String> typedFor(Privilege first, Privilege... more) {
    Set<Privilege> held = EnumSet.of(first, more);
    return PRIVILEGES.entrySet().stream()
        .filter(e -> held.contains(e.getValue()))
        .map(e -> "/" + e.getKey())
        .toList();
  }
}
