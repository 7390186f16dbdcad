package dev.chatshell.chat;

import java.time.Clock;

/**
 * Everything the domain asks of the world outside it, as one value: the clock, and the stores and
 * checks behind accounts, operators, registered channels, bans, history, preferences and the
 * moderation log. {@link #none} gives a domain that keeps nothing (tests, tools); each {@code with}
 * method replaces one port.
 */
public record ChatPorts(
    Clock clock,
    OperatorCredentials operators,
    ModerationListener moderation,
    Accounts accounts,
    ChannelRegistry registry,
    History history,
    BanList banList,
    AccountPreferences preferences) {

  /** No operators, nothing stored, moderation unrecorded. */
  public static ChatPorts none(Clock clock) {
    return new ChatPorts(
        clock,
        OperatorCredentials.NONE,
        ModerationListener.NONE,
        Accounts.NONE,
        ChannelRegistry.NONE,
        History.NONE,
        BanList.NONE,
        AccountPreferences.NONE);
  }

  /** Checks /OPER names and passwords. */
  public ChatPorts withOperators(OperatorCredentials operators) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }

  /** Told of every moderation action. */
  public ChatPorts withModeration(ModerationListener moderation) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }

  /** Registered nicks and their passwords. */
  public ChatPorts withAccounts(Accounts accounts) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }

  /** Keeps registered channels; read once when the domain starts. */
  public ChatPorts withRegistry(ChannelRegistry registry) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }

  /** Keeps what is said. */
  public ChatPorts withHistory(History history) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }

  /** Keeps bans; read once when the domain starts. */
  public ChatPorts withBans(BanList banList) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }

  /** Where accounts' /SET choices are kept. */
  public ChatPorts withPreferences(AccountPreferences preferences) {
    return new ChatPorts(
        clock, operators, moderation, accounts, registry, history, banList, preferences);
  }
}
