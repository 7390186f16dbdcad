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
   * Whether a user may walk into a private channel: operators, its kept admins, and whoever holds
   * an invitation (which is used up).
   */
  boolean letIn(Channel channel, User user) {
    if (user.isOperator() || Memberships.registeredRole(channel, user) != ChannelRole.MEMBER) {
      return true;
    }
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

  /** Keeps a request or invitation (stored first when the channel is registered). */
  void keepRequest(Channel channel, JoinRequest request) {
    if (channel.isRegistered()) {
      registry.addRequest(channel.name(), request);
    }
    List<JoinRequest> now = new ArrayList<>();
    for (JoinRequest r : channel.requests()) {
      if (!(r.kind() == request.kind() && sameName(r.nick(), request.nick()))) {
        now.add(r);
      }
    }
    now.add(request);
    channel.setRequests(now);
  }

  void dropRequest(Channel channel, JoinRequest request) {
    if (channel.isRegistered()) {
      registry.removeRequest(channel.name(), request);
    }
    channel.setRequests(channel.requests().stream().filter(r -> r != request).toList());
  }

  /** Most requests and invitations a channel keeps waiting. */
  static final int MAX_REQUESTS = 100;

  /** Files a user's request to join a private channel and tells its admins who are online. */
  void fileRequest(Channel channel, User user) {
    Instant now = clock.instant();
    if (find(channel, JoinRequest.Kind.REQUEST, user.nick(), user.account()) != null) {
      user.deliver(
          new ChannelNotice(
              now,
              channel.name(),
              "Your request to join " + channel.name() + " is still waiting for an admin."));
      return;
    }
    if (channel.requests().size() >= MAX_REQUESTS) {
      throw new ChatException(
          channel.name() + " is private and has too many requests waiting; try again later.");
    }
    keepRequest(
        channel,
        new JoinRequest(JoinRequest.Kind.REQUEST, user.nick(), user.account(), user.nick(), now));
    user.deliver(
        new ChannelNotice(
            now,
            channel.name(),
            channel.name()
                + " is private: your request to join was sent to its admins. You will be let in"
                + " when one accepts it."));
    String answer = "/ACCEPT " + user.nick() + " or /DENY " + user.nick();
    String asks = user.nick() + " asks to join " + channel.name() + ": ";
    // /ACCEPT and /DENY act on the current channel: admins elsewhere are told to switch first.
    ChannelNotice here = new ChannelNotice(now, channel.name(), asks + answer + ".");
    ChannelNotice elsewhere =
        new ChannelNotice(
            now, channel.name(), asks + "/CURRENT " + channel.name() + ", then " + answer + ".");
    for (Member member : channel.members()) {
      if (member.role() != ChannelRole.MEMBER || member.user().isOperator()) {
        member.user().deliver(member.user().current() == channel ? here : elsewhere);
      }
    }
  }
}
