package dev.chatshell.shell;

import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.Notice;
import dev.chatshell.chat.Notice.AlreadyIn;
import dev.chatshell.chat.Notice.Autojoining;
import dev.chatshell.chat.Notice.AwayChanged;
import dev.chatshell.chat.Notice.AwaySet;
import dev.chatshell.chat.Notice.BanLifted;
import dev.chatshell.chat.Notice.Banned;
import dev.chatshell.chat.Notice.BannedFromServer;
import dev.chatshell.chat.Notice.BannedOut;
import dev.chatshell.chat.Notice.BannedYou;
import dev.chatshell.chat.Notice.BannedYouFromServer;
import dev.chatshell.chat.Notice.ChannelDeleted;
import dev.chatshell.chat.Notice.ChannelRegistered;
import dev.chatshell.chat.Notice.ChannelTrouble;
import dev.chatshell.chat.Notice.IgnoreSet;
import dev.chatshell.chat.Notice.InvitationWaits;
import dev.chatshell.chat.Notice.Invited;
import dev.chatshell.chat.Notice.InvitedYou;
import dev.chatshell.chat.Notice.IsAway;
import dev.chatshell.chat.Notice.Joined;
import dev.chatshell.chat.Notice.KeyAdded;
import dev.chatshell.chat.Notice.KeyRemoved;
import dev.chatshell.chat.Notice.Kicked;
import dev.chatshell.chat.Notice.KickedYou;
import dev.chatshell.chat.Notice.Killed;
import dev.chatshell.chat.Notice.KilledYou;
import dev.chatshell.chat.Notice.Left;
import dev.chatshell.chat.Notice.LoggedInToShared;
import dev.chatshell.chat.Notice.MissedMentions;
import dev.chatshell.chat.Notice.NickChanged;
import dev.chatshell.chat.Notice.NotRejoined;
import dev.chatshell.chat.Notice.NothingMissed;
import dev.chatshell.chat.Notice.NowCurrent;
import dev.chatshell.chat.Notice.NowOperator;
import dev.chatshell.chat.Notice.OtherTerminalLoggedIn;
import dev.chatshell.chat.Notice.PasswordChanged;
import dev.chatshell.chat.Notice.PrivacySet;
import dev.chatshell.chat.Notice.Quit;
import dev.chatshell.chat.Notice.Renamed;
import dev.chatshell.chat.Notice.RequestAnswered;
import dev.chatshell.chat.Notice.RequestFiled;
import dev.chatshell.chat.Notice.RequestSent;
import dev.chatshell.chat.Notice.RequestWaiting;
import dev.chatshell.chat.Notice.RoleChanged;
import dev.chatshell.chat.Notice.Scrollback;
import dev.chatshell.chat.Notice.Seat;
import dev.chatshell.chat.Notice.ServerBanLifted;
import dev.chatshell.chat.Notice.ServerBanSet;
import dev.chatshell.chat.Notice.Succeeded;
import dev.chatshell.chat.Notice.TerminalLeft;
import dev.chatshell.chat.Notice.TopicSet;
import dev.chatshell.chat.Notice.TopicShown;
import dev.chatshell.chat.Notice.Trouble;
import dev.chatshell.chat.Notice.YouCreated;
import dev.chatshell.chat.Notice.YouJoined;
import dev.chatshell.chat.Notice.YouKilled;
import dev.chatshell.chat.Notice.YouLeft;
import dev.chatshell.chat.Notice.YouRegistered;
import dev.chatshell.chat.Notice.YourNickChanged;
import dev.chatshell.chat.Notice.YourRequestDenied;
import dev.chatshell.chat.Text;
import java.util.stream.Collectors;

/**
 * The shell's English for what the domain tells users: one line per {@link Notice} type, in one
 * place. The switch is exhaustive over the sealed type, so a new kind of event does not compile
 * until it has its words here. Plain text: {@link Renderer} adds the {@code -!- } mark and colour.
 */
public final class NoticeText {
  private NoticeText() {}

  /** The line {@code notice} is shown as (for history, its heading). */
  public static String text(Notice notice) {
    return switch (notice) {
      // Logins and terminals
      case OtherTerminalLoggedIn n ->
          "Another terminal logged in to " + n.account() + ", from " + n.address() + ".";
      case LoggedInToShared n ->
          "You are logged in to "
              + n.account()
              + (n.nick().equals(n.account()) ? "" : ", known as " + n.nick())
              + ", from "
              + n.terminals()
              + " terminals now: they share channels and messages."
              + (n.current() == null ? "" : " Current channel: " + n.current() + ".");
      case TerminalLeft n ->
          "One of your terminals left"
              + because(n.reason())
              + "; "
              + n.left()
              + (n.left() == 1 ? " is" : " are")
              + " still logged in.";
      case NothingMissed n -> "Nobody mentioned you while you were away.";
      case MissedMentions n ->
          "While you were away, you were mentioned"
              + (n.entries().size() == n.most() ? " (the last " + n.most() + " times)" : "")
              + ":";
      case Trouble n -> n.problem().getMessage();

      // Channels: joining and leaving
      case Joined n -> n.nick() + " has joined " + n.channel();
      case YouCreated n -> "You created " + n.channel() + "; you are its main admin (~).";
      case YouJoined n ->
          "You joined "
              + n.channel()
              + (n.role() == ChannelRole.MEMBER
                  ? ""
                  : " as " + n.role().title() + " (" + n.role().sigil() + ")")
              + ". Members: "
              + n.members().stream().map(NoticeText::seat).collect(Collectors.joining(" "));
      case AlreadyIn n -> "You are already in " + n.channel() + "; it is now your current channel.";
      case TopicShown n -> "Topic: " + n.topic().text();
      case Scrollback n -> "Earlier in " + n.channel() + " (/HISTORY shows more):";
      case ChannelTrouble n -> n.problem().getMessage();
      case Left n -> n.nick() + " has left " + n.channel() + because(n.reason());
      case YouLeft n -> "You left " + n.channel() + ".";
      case NowCurrent n -> "Your current channel is now " + n.channel() + ".";
      case Quit n -> n.nick() + " has quit" + because(n.reason());
      case Succeeded n ->
          n.heir()
              + " is now main admin (~) of "
              + n.channel()
              + ", taking over from "
              + n.previous()
              + ".";

      // Private channels, requests and invitations
      case PrivacySet n ->
          n.actor()
              + (n.on()
                  ? " made "
                      + n.channel()
                      + " private: joining now takes an"
                      + " invitation (/INVITE) or an admin's /ACCEPT."
                  : " opened " + n.channel() + ": anyone may /JOIN it.");
      case RequestSent n ->
          n.channel()
              + " is private: your request to join was sent to its admins. You will be let in"
              + " when one accepts it.";
      case RequestWaiting n ->
          "Your request to join " + n.channel() + " is still waiting for an admin.";
      case RequestFiled n -> {
        String answer = "/ACCEPT " + n.nick() + " or /DENY " + n.nick();
        String asks = n.nick() + " asks to join " + n.channel() + ": ";
        yield n.elsewhere()
            ? asks + "/CURRENT " + n.channel() + ", then " + answer + "."
            : asks + answer + ".";
      }
      case RequestAnswered n ->
          n.actor()
              + (n.accepted() ? " accepted " : " turned down ")
              + n.nick()
              + "'s request to join "
              + n.channel()
              + because(n.reason())
              + ".";
      case YourRequestDenied n ->
          "Your request to join "
              + n.channel()
              + " was turned down by "
              + n.actor()
              + because(n.reason())
              + ".";
      case InvitationWaits n ->
          "You are invited to " + n.channel() + " (" + n.problem().getMessage() + ")";
      case Invited n -> n.actor() + " invited " + n.nick() + " to " + n.channel() + ".";
      case InvitedYou n -> n.actor() + " invites you to " + n.channel() + ": /JOIN " + n.channel();

      // Moderation
      case Kicked n ->
          n.nick() + " was kicked from " + n.channel() + " by " + n.actor() + because(n.reason());
      case KickedYou n ->
          "You were kicked from "
              + n.channel()
              + " by "
              + n.actor()
              + because(n.reason())
              + ". You may /JOIN it again.";
      case RoleChanged n ->
          (n.role() == ChannelRole.MEMBER
                  ? n.actor() + " took back " + n.nick() + "'s secondary-admin rights in "
                  : n.actor() + " made " + n.nick() + " a secondary admin (@) of ")
              + n.channel()
              + "."
              + switch (n.lasting()) {
                case UNSAID -> "";
                case UNTIL_THEY_LEAVE ->
                    " " + n.nick() + " has no account, so this lasts until they leave.";
                case ACROSS_RESTARTS -> " It is kept across restarts.";
              };
      case Renamed n -> n.actor() + " renamed " + n.oldName() + " to " + n.channel() + ".";
      case ChannelRegistered n ->
          n.actor()
              + " registered "
              + n.channel()
              + ": it stays when everyone leaves, "
              + n.founder()
              + " is its main admin (~) for good, and secondary admins with accounts are"
              + " kept.";
      case ChannelDeleted n -> n.actor() + " deleted " + n.channel() + because(n.reason()) + ".";
      case TopicSet n ->
          n.text() == null
              ? n.actor() + " cleared the topic of " + n.channel() + "."
              : n.actor() + " set the topic of " + n.channel() + ": " + n.text();
      case Killed n -> n.nick() + " was disconnected by " + n.actor() + because(n.reason());
      case KilledYou n ->
          "You were disconnected by server operator " + n.actor() + because(n.reason()) + ".";
      case YouKilled n -> "You disconnected " + n.nick() + because(n.reason()) + ".";
      case NowOperator n ->
          "You are now a server operator (" + n.name() + "): you may act in any channel.";

      // Bans
      case Banned n ->
          n.actor()
              + " banned "
              + n.ban().shown()
              + " from "
              + n.channel()
              + inParentheses(n.ban().reason())
              + ", "
              + n.ban().untilText()
              + replacing(n.replaced())
              + ".";
      case BannedOut n -> n.nick() + " was banned from " + n.channel();
      case BannedYou n -> "You were banned from " + n.channel() + byWhom(n.ban()) + ".";
      case BannedFromServer n -> n.nick() + " was banned from the server" + because(n.reason());
      case BannedYouFromServer n -> "You were banned from this server" + byWhom(n.ban()) + ".";
      case ServerBanSet n ->
          "Banned "
              + n.ban().shown()
              + " from the server"
              + inParentheses(n.ban().reason())
              + ", "
              + n.ban().untilText()
              + replacing(n.replaced())
              + "; "
              + n.disconnected()
              + (n.disconnected() == 1 ? " user" : " users")
              + " disconnected.";
      case BanLifted n ->
          n.actor() + " lifted the ban on " + n.ban().shown() + " from " + n.channel() + ".";
      case ServerBanLifted n ->
          n.actor() + " lifted the ban on " + n.ban().shown() + " from the server.";

      // Nicks, accounts and personal state
      case NickChanged n -> n.oldNick() + " is now known as " + n.newNick();
      case YourNickChanged n ->
          "You are now known as "
              + n.nick()
              + (n.account() == null ? "." : ", logged in to the account " + n.account() + ".");
      case YouRegistered n ->
          "You registered "
              + n.nick()
              + ". From now on, logging in as "
              + n.nick()
              + " asks for this password, and several terminals may log in to it at"
              + " once.";
      case PasswordChanged n -> "The password of " + n.account() + " has changed.";
      case KeyAdded n ->
          "Added the key "
              + keyName(n.key())
              + " to the account "
              + n.account()
              + " ("
              + n.count()
              + " of "
              + dev.chatshell.chat.ChatServer.MAX_KEYS
              + "): over SSH it logs you in without a password.";
      case KeyRemoved n ->
          "Removed the key "
              + keyName(n.key())
              + " from the account "
              + n.account()
              + ": it no longer logs you in.";
      case AwaySet n ->
          n.message() == null
              ? (n.wasAway()
                  ? "You are back: you are no longer marked away."
                  : "You are not marked away; /AWAY <message> marks you away.")
              : "You are marked away: " + n.message() + " (/AWAY alone when you are back).";
      case IsAway n -> n.nick() + " is away: " + n.message();
      case AwayChanged n ->
          n.message() == null ? n.nick() + " is back." : n.nick() + " is away: " + n.message();
      case IgnoreSet n ->
          n.ignoring()
              ? "You now ignore "
                  + n.nick()
                  + ": nothing they say is shown to you."
                  + (n.kept() ? " Kept with your account." : "")
              : "You no longer ignore " + n.nick() + ".";
      case Autojoining n ->
          "Joining your registered channels again: "
              + String.join(" ", n.channels())
              + " (/SET autojoin off stops this).";
      case NotRejoined n -> "Not joined " + n.channel() + ": " + n.problem().getMessage();
    };
  }

  /** A reason as a tail: {@code " (lunch)"}, or nothing when there is none. */
  /** A key as a user recognises it: its fingerprint, and its comment when it has one. */
  private static String keyName(dev.chatshell.chat.AccountKey key) {
    return key.fingerprint() + (key.comment().isEmpty() ? "" : " (" + key.comment() + ")");
  }

  private static String because(String reason) {
    return reason == null || reason.isBlank() ? "" : " (" + Text.visible(reason) + ")";
  }

  /** A reason the domain has made safe already, as a tail. */
  private static String inParentheses(String reason) {
    return reason == null ? "" : " (" + reason + ")";
  }

  /** Who set a ban, why and until when: {@code " by oscar (spam), for good"}. */
  private static String byWhom(dev.chatshell.chat.Ban ban) {
    return " by " + ban.by() + inParentheses(ban.reason()) + ", " + ban.untilText();
  }

  /** What a new ban says of the one it replaces on the same target: " (it replaces ...)". */
  private static String replacing(dev.chatshell.chat.Ban replaced) {
    if (replaced == null) {
      return "";
    }
    return " (it replaces the ban by "
        + replaced.by()
        + inParentheses(replaced.reason())
        + ", "
        + replaced.untilText()
        + ")";
  }

  /** A member as /WHO lists them in a join notice: {@code ~alice}, {@code bob}. */
  private static String seat(Seat seat) {
    return seat.role().sigil() + seat.nick();
  }
}
