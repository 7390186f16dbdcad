package dev.chatshell.chat;

import java.util.Comparator;

/** A user's place in a channel: their role, and {@code since}, the order in which they joined. */
public record Member(User user, ChannelRole role, long since) {
  /**
   * After the nick of a server operator in /WHO and in their own prompt: {@code oscar*} (a nick
   * never contains a star).
   */
  public static final String OPERATOR_MARK = "*";

  /** The main admin, then secondary admins, then members; alphabetically (any case) within. */
  public static final Comparator<Member> BY_RANK =
      Comparator.comparing(Member::role)
          .thenComparing(member -> Names.key(member.user().nick()))
          .thenComparing(member -> member.user().nick());

  /** As /WHO lists the member: {@code ~alice}, {@code @bob}, {@code oscar*}. */
  public String listed() {
    return user.isOperator() ? display() + OPERATOR_MARK : display();
  }

  /** The nick as /WHO shows it: {@code ~alice}, {@code @bob}, {@code carol}. */
  public String display() {
    return role.sigil() + user.nick();
  }
}
