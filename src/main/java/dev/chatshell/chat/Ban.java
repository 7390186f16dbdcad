package dev.chatshell.chat;

import java.time.Instant;

/**
 * A ban from a channel, or from the server when {@code channel} is null: of a nick, an account or
 * an address block, permanent when {@code until} is null.
 *
 * @param target the nick, the account name or the address block, as it is shown
 */
public record Ban(
    String channel, Kind kind, String target, String by, String reason, Instant at, Instant until) {

  /** What a ban is on. */
  public enum Kind {
    NICK,
    ACCOUNT,
    MASK
  }

  public boolean isServerWide() {
    return channel == null;
  }

  /** True while the ban holds. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }

  /** True when the ban is on this target: same kind and the same nick, account or block. */
  public boolean isOn(Kind otherKind, String otherTarget) {
    return kind == otherKind && Names.key(target).equals(Names.key(otherTarget));
  }

  /** True when it applies to a user with this nick, account (or null) and address. */
  public boolean matches(String nick, String account, String address) {
    return switch (kind) {
      case NICK -> Names.key(target).equals(Names.key(nick));
      case ACCOUNT -> account != null && Names.key(target).equals(Names.key(account));
      case MASK -> AddressMask.parse(target).contains(address);
    };
  }

  /** How the target is typed and shown: {@code bob}, {@code account:bob}, {@code 10.0.0.0/8}. */
  public String shown() {
    return kind == Kind.ACCOUNT ? "account:" + target : target;
  }

  /** The end of a ban as users are told it: "until 2026-11-22 10:00 UTC", or "for good". */
  public String untilText() {
    return until == null
        ? "for good"
        : "until "
            + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(until);
  }
}
