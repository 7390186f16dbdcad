package dev.chatshell.chat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A request the domain refuses, with a one-line message for the user that says what went wrong and,
 * where possible, what to do instead. Never a bug: bugs are other exceptions.
 *
 * <p>Besides today's English text it carries a {@link Reason} and the facts the text was built
 * from, so a door that speaks another protocol (an IRC numeric) or another language can say the
 * same thing its own way without parsing the sentence.
 */
public class ChatException extends RuntimeException {
  /** Why a request was refused, in the terms a protocol reply needs. */
  public enum Reason {
    /** Not classified yet: only the text says why. */
    REFUSED,
    /** The nick, account or channel named is not there (or not visible to the asker). */
    NO_SUCH_NICK,
    NO_SUCH_CHANNEL,
    /** The asker (or the target) is not in the channel the command needs. */
    NOT_IN_CHANNEL,
    /** The asker's rank is too low for what they tried. */
    RANK_TOO_LOW,
    /** A ban keeps the user out. */
    BANNED,
    /** A name, text or argument is not acceptable as typed. */
    INVALID,
    /** The name is taken, registered to someone else, or reserved. */
    NAME_TAKEN,
    /** A password is missing or wrong. */
    BAD_PASSWORD,
    /** A limit is reached (channels per user, terminals, bans...). */
    LIMIT,
    /** The channel has as many members as its member limit allows (/LIMIT): nobody joins. */
    CHANNEL_FULL,
    /** A private channel asks for an invitation or an accepted request. */
    INVITE_ONLY,
    /** Storage cannot take the change now; nothing happened. */
    UNAVAILABLE,
    /** What was asked is so already: nothing to do. */
    ALREADY,
    /** The user has no account, and the request needs one. */
    NO_ACCOUNT,
    /** No command of that name. */
    NO_SUCH_COMMAND,
    /** Too many attempts or too much at once: try again after a wait (an argument, if known). */
    TRY_LATER,
    /** The account is locked; a server operator can unlock it. */
    LOCKED,
    /** This server is not set up for that (no account or channel store). */
    UNSUPPORTED,
    /** The user is logged out (killed, quit): nothing more is done in their name. */
    GONE,
    /** There is no such ban to lift. */
    NOT_BANNED,
    /** The account has no key of that fingerprint. */
    NO_SUCH_KEY
  }

  private final Reason reason;
  private final List<Object> arguments;

  /** A refusal not classified yet (prefer the coded constructor in new code). */
  public ChatException(String message) {
    this(Reason.REFUSED, message);
  }

  /**
   * @param reason why, for doors that answer with codes
   * @param message the English line shown to shell users today
   * @param arguments the facts {@code message} was built from (names, numbers), in order
   */
  public ChatException(Reason reason, String message, Object... arguments) {
    super(message, null, false, false);
    this.reason = reason;
    // Arrays.asList keeps nulls (an absent reason), which List.of would refuse.
    this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
  }

  public Reason reason() {
    return reason;
  }

  /** The facts behind the message (nick, channel, limit...), never null. */
  public List<Object> arguments() {
    return arguments;
  }
}
