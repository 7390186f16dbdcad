package dev.chatshell.chat;

import java.time.Clock;

/**
 * Everything the domain asks of the world outside it, as one value: the clock, and the stores and
 * checks behind accounts, operators, registered channels, bans, history, preferences, account keys
 * and the moderation log, and how their writes are committed together. {@link #none} gives a domain
 * that keeps nothing (tests, tools); each {@code with} method replaces one port.
 */
public record ChatPorts(
    Clock clock,
    OperatorCredentials operators,
    ModerationListener moderation,
    Accounts accounts,
    ChannelRegistry registry,
    History history,
    BanList banList,
    AccountPreferences preferences,
    AccountKeys keys,
    Commits commits) {

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
        AccountPreferences.NONE,
        AccountKeys.NONE,
        Commits.ONE_BY_ONE);
  }

  /** Checks /OPER names and passwords. */
  public ChatPorts withOperators(OperatorCredentials operators) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Told of every moderation action. */
  public ChatPorts withModeration(ModerationListener moderation) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Registered nicks and their passwords. */
  public ChatPorts withAccounts(Accounts accounts) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Keeps registered channels; read once when the domain starts. */
  public ChatPorts withRegistry(ChannelRegistry registry) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Keeps what is said. */
  public ChatPorts withHistory(History history) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Keeps bans; read once when the domain starts. */
  public ChatPorts withBans(BanList banList) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Where accounts' /SET choices are kept. */
  public ChatPorts withPreferences(AccountPreferences preferences) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** Where accounts' public keys (/KEY) are kept, and how key lines are read. */
  public ChatPorts withKeys(AccountKeys keys) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }

  /** How the writes of changes waiting for the stores are committed together. */
  public ChatPorts withCommits(Commits commits) {
    return new ChatPorts(
        clock,
        operators,
        moderation,
        accounts,
        registry,
        history,
        banList,
        preferences,
        keys,
        commits);
  }
}
