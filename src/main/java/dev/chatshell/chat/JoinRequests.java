package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.sameName;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Requests to join private channels and invitations: who is let in, who is told of a request. */
final class JoinRequests {
  private final ChatState state;
  private final Clock clock;
  private final ChannelRegistry registry;

  JoinRequests(ChatState state) {
    this.state = state;
    this.clock = state.clock;
    this.registry = state.registry;
  }

  /**
   * Uses up the user's invitation to a private channel (stored first when the channel is
   * registered); false when they hold none. Who walks in without one is {@link
   * RankRules#walksIntoPrivate}'s call.
   */
  boolean useInvitation(Channel channel, User user) {
    JoinRequest invitation =
        find(channel, JoinRequest.Kind.INVITATION, user.nick(), user.account());
    if (invitation == null) {
      return false;
    }
    dropRequest(channel, invitation);
    return true;
  }

  static JoinRequest find(Channel channel, JoinRequest.Kind kind, String nick, String account) {
    for (JoinRequest request : channel.requests()) {
      if (request.kind() == kind && request.isFor(nick, account)) {
        return request;
      }
    }
    return null;
  }

  /**
   * The request an admin names by the nick /REQUESTS showed them, whether or not its asker was
   * logged in to an account (an account's request is still listed, and answered, by nick).
   */
  static JoinRequest named(Channel channel, JoinRequest.Kind kind, String shownNick) {
    for (JoinRequest request : channel.requests()) {
      if (request.kind() == kind && Names.key(request.nick()).equals(Names.key(shownNick))) {
        return request;
      }
    }
    return null;
  }

  /** Keeps a request or invitation (stored first when the channel is registered). */
  void keepRequest(Channel channel, JoinRequest request) {
    List<JoinRequest> now = new ArrayList<>();
    List<JoinRequest> replaced = new ArrayList<>();
    for (JoinRequest r : channel.requests()) {
      if (r.kind() == request.kind() && sameName(r.nick(), request.nick())) {
        replaced.add(r);
      } else {
        now.add(r);
      }
    }
    if (channel.isRegistered()) {
      // Undone alone (changes stored with it stand): this request out, the ones it replaced back.
      state.store(
          () -> registry.addRequest(channel.name(), request),
          () -> {
            List<JoinRequest> back = new ArrayList<>(channel.requests());
            back.remove(request);
            back.addAll(replaced);
            channel.setRequests(back);
          });
    }
    now.add(request);
    channel.setRequests(now);
  }

  void dropRequest(Channel channel, JoinRequest request) {
    if (channel.isRegistered()) {
      state.store(
          () -> registry.removeRequest(channel.name(), request),
          () -> {
            List<JoinRequest> back = new ArrayList<>(channel.requests());
            back.add(request);
            channel.setRequests(back);
          });
    }
    channel.setRequests(channel.requests().stream().filter(r -> r != request).toList());
  }

  /**
   * Answers a request with an invitation (/ACCEPT, or /INVITE of someone who asked): one store
   * write when the channel is registered, so a failure keeps the request and stores nothing.
   */
  void answerWithInvitation(Channel channel, JoinRequest answered, JoinRequest invitation) {
    List<JoinRequest> now = new ArrayList<>();
    List<JoinRequest> replaced = new ArrayList<>();
    for (JoinRequest r : channel.requests()) {
      if (r == answered
          || (r.kind() == invitation.kind() && sameName(r.nick(), invitation.nick()))) {
        replaced.add(r);
      } else {
        now.add(r);
      }
    }
    if (channel.isRegistered()) {
      // Takes back this answer alone: the invitation out, what it replaced back.
      state.store(
          () -> registry.replaceRequest(channel.name(), answered, invitation),
          () -> {
            List<JoinRequest> back = new ArrayList<>(channel.requests());
            back.remove(invitation);
            back.addAll(replaced);
            back.sort(java.util.Comparator.comparing(JoinRequest::at)); // as kept, oldest first
            channel.setRequests(back);
          });
    }
    now.add(invitation);
    channel.setRequests(now);
  }

  /** Most requests and invitations a channel keeps waiting. */
  static final int MAX_REQUESTS = 100;

  /** Files a user's request to join a private channel and tells its admins who are online. */
  void fileRequest(Channel channel, User user) {
    Instant now = clock.instant();
    if (find(channel, JoinRequest.Kind.REQUEST, user.nick(), user.account()) != null) {
      user.deliver(new Notice.RequestWaiting(now, channel.name()));
      return;
    }
    if (channel.requests().size() >= MAX_REQUESTS) {
      throw new ChatException(
          ChatException.Reason.LIMIT,
          channel.name() + " is private and has too many requests waiting; try again later.",
          channel.name());
    }
    keepRequest(
        channel,
        new JoinRequest(JoinRequest.Kind.REQUEST, user.nick(), user.account(), user.nick(), now));
    user.deliver(new Notice.RequestSent(now, channel.name()));
    // /ACCEPT and /DENY act on the current channel: admins elsewhere are told to switch first.
    Notice here = new Notice.RequestFiled(now, channel.name(), user.nick(), false);
    Notice elsewhere = new Notice.RequestFiled(now, channel.name(), user.nick(), true);
    for (Member member : channel.members()) {
      if (RankRules.hearsJoinRequests(member)) {
        member.user().deliver(member.user().current() == channel ? here : elsewhere);
      }
    }
  }
}
