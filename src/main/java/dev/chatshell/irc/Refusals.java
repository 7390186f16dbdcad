package dev.chatshell.irc;

import dev.chatshell.chat.ChatException;

/**
 * A refusal from the domain as the numeric an IRC client expects: the reason code picks the
 * numeric, the domain's own sentence is its text (it says more than the RFC's stock phrases).
 */
final class Refusals {
  private Refusals() {}

  /** Adds the numeric for {@code refusal} about {@code target} (a channel or nick). */
  static void tell(Response out, ChatException refusal, String target) {
    String text = refusal.getMessage();
    switch (refusal.reason()) {
      case NO_SUCH_NICK -> out.numeric("401", target, text);
      case NO_SUCH_CHANNEL -> out.numeric("403", target, text);
      case NOT_IN_CHANNEL -> out.numeric("442", target, text);
      case RANK_TOO_LOW -> out.numeric(target.startsWith("#") ? "482" : "481", target, text);
      case BANNED -> out.numeric("474", target, text);
      case INVITE_ONLY -> out.numeric("473", target, text);
      case NAME_TAKEN -> out.numeric("433", target, text);
      case BAD_PASSWORD -> out.numeric("464", text);
      case LIMIT -> {
        if (target.startsWith("#")) {
          out.numeric("405", target, text); // ERR_TOOMANYCHANNELS
        } else {
          out.notice(text);
        }
      }
      case INVALID -> {
        if (target.startsWith("#")) {
          out.numeric("403", target, text);
        } else {
          out.notice(text);
        }
      }
      default -> out.notice(text);
    }
  }
}
