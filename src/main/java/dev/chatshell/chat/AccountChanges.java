package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.exemptFromBans;
import static dev.chatshell.chat.ChatState.requireOnline;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/** Registering a nick as an account, changing its password, changing nick (which may log in). */
final class AccountChanges {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final Accounts accounts;
  private final Map<String, User> byAccount;
  private final Map<String, String> registered;
  private final Logins logins;
  private final PersonalState personal;

  AccountChanges(ChatState state, Logins logins, PersonalState personal) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.accounts = state.accounts;
    this.byAccount = state.byAccount;
    this.registered = state.registered;
    this.logins = logins;
    this.personal = personal;
  }

  /**
   * True when changing to {@code nick} needs a password: it is registered, and the user is not
   * logged in to an account (one who is may only take their own account's nick).
   */
  boolean needsPassword(User user, String nick) {
    return user.account() == null && !user.isConsole() && state.account(nick).isPresent();
  }

  private static boolean sameAccount(User user, String account) {
    return user.account() != null && Names.key(user.account()).equals(Names.key(account));
  }

  /** Changes the user's nickname; everyone who shares a channel with them is told once. */
  void changeNick(User user, String newNick) {
    changeNick(user, newNick, null);
  }

  /**
   * Changes the user's nickname. A nick registered to another account needs that account's {@code
   * password} and logs the user in to it; a user already logged in to an account cannot take
   * another account's nick (they log in to it from a new connection instead).
   */
  void changeNick(User user, String newNick, char[] password) {
    requireOnline(user);
    Names.requireNick(newNick);
    String account = state.account(newNick).filter(a -> !sameAccount(user, a)).orElse(null);
    if (account != null) {
      if (user.isConsole()) {
        throw new ChatException("The console cannot log in to an account.");
      }
      if (user.account() != null) {
        throw new ChatException(
            newNick
                + " is another account; you are logged in to "
                + user.account()
                + ". Log in as "
                + account
                + " from a new connection to use it.");
      }
      if (password == null) {
        throw new ChatException(
            newNick + " is registered; /NICK " + newNick + " asks for its password.");
      }
      accounts
          .check(user.address(), account, password)
          .requireAccepted("Wrong password for " + account + "; your nick is unchanged.");
    }
    state.locked(
        () -> {
          requireOnline(user); // again under the lock: a kill may have come in between
          // Again under the lock: the nick may have been registered since it was checked.
          logins.requireUsable(
              newNick, account != null ? account : user.account(), user.isConsole());
          String asAccount = account != null ? account : user.account();
          state.refuseIfBanned(null, newNick, asAccount, user.address());
          for (Channel channel : user.channels()) {
            if (!exemptFromBans(channel, user)) {
              state.refuseIfBanned(channel, newNick, asAccount, user.address());
            }
          }
          if (account != null && byAccount.containsKey(Names.key(account))) {
            throw new ChatException(
                account + " is logged in elsewhere; log in as " + account + " to share it.");
          }
          String old = user.nick();
          User holder = users.get(Names.key(newNick));
          if (holder != null && holder != user) {
            throw new ChatException("The nickname " + newNick + " is taken; choose another.");
          }
          if (old.equals(newNick)) {
            throw new ChatException("You are already called " + newNick + ".");
          }
          if (account != null) {
            user.setAccount(account);
            byAccount.put(Names.key(account), user);
          }
          users.remove(Names.key(old));
          users.put(Names.key(newNick), user);
          user.rename(newNick);
          ServerNotice notice =
              new ServerNotice(clock.instant(), old + " is now known as " + newNick);
          Set<User> told = new LinkedHashSet<>();
          for (Channel channel : user.channels()) {
            for (Member member : channel.members()) {
              if (member.user() != user && told.add(member.user())) {
                member.user().deliver(notice);
              }
            }
          }
          user.deliver(
              new ServerNotice(
                  clock.instant(),
                  "You are now known as "
                      + newNick
                      + (account == null ? "." : ", logged in to the account " + account + ".")));
          return null;
        });
    if (account != null) {
      personal.adoptIgnores(user, account);
      personal.adoptPreferences(user, account); // a login too: the account's choices, its channels
    }
  }

  /**
   * Registers the user's nick as an account with {@code password}, and logs them in to it. Returns
   * once the account is stored.
   */
  void register(User user, char[] password) {
    requireOnline(user);
    if (user.account() != null) {
      throw new ChatException(
          "You are logged in to the account "
              + user.account()
              + " already; /PASSWD changes its"
              + " password.");
    }
    requireGoodPassword(password);
    if (user.isConsole()) {
      throw new ChatException("The console's nick cannot be registered.");
    }
    // The name is taken under the lock first, so nobody can log in under it or change to it while
    // it is being stored; it is given back if storing fails.
    String nick =
        state.locked(
            () -> {
              String mine = user.nick();
              if (registered.putIfAbsent(Names.key(mine), mine) != null) {
                throw new ChatException(mine + " is registered already.");
              }
              return mine;
            });
    boolean stored = false;
    try {
      stored = accounts.register(user.address(), nick, password);
    } finally {
      if (!stored) {
        registered.remove(Names.key(nick), nick);
      }
    }
    if (!stored) {
      throw new ChatException(nick + " is registered already.");
    }
    state.locked(
        () -> {
          user.setAccount(nick);
          if (!user.isGone()) {
            byAccount.put(Names.key(nick), user);
          }
          user.deliver(
              new ServerNotice(
                  clock.instant(),
                  "You registered "
                      + nick
                      + ". From now on, logging in as "
                      + nick
                      + " asks for this password, and several terminals may log in to it at"
                      + " once."));
          return null;
        });
    personal.adoptIgnores(user, nick);
    personal.keepPreferences(user, nick);
  }

  /** Changes the password of the account the user is logged in to; needs the current one. */
  void changePassword(User user, char[] current, char[] replacement) {
    requireOnline(user);
    String account = user.account();
    if (account == null) {
      throw new ChatException("You have no account yet; /REGISTER makes one for your nick.");
    }
    requireGoodPassword(replacement);
    accounts
        .check(user.address(), account, current)
        .requireAccepted("That is not your current password; nothing was changed.");
    accounts.setPassword(account, replacement);
    user.deliver(new ServerNotice(clock.instant(), "The password of " + account + " has changed."));
  }

  private static final int MAX_PASSWORD_LENGTH = 256;

  private static void requireGoodPassword(char[] password) {
    if (password.length < ChatServer.MIN_PASSWORD_LENGTH) {
      throw new ChatException(
          "Use a password of at least "
              + ChatServer.MIN_PASSWORD_LENGTH
              + " characters; nothing was changed.");
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new ChatException(
          "Use a password of at most " + MAX_PASSWORD_LENGTH + " characters; nothing was changed.");
    }
  }
}
