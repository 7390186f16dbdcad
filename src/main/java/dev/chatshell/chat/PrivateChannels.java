package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.bounded;
import static dev.chatshell.chat.ChatState.requireCurrent;
import static dev.chatshell.chat.ChatState.requireOnline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;

/** Making a channel private, and its admins answering requests and inviting. */
final class PrivateChannels {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final ChannelRegistry registry;
  private final JoinRequests requests;
  private final Memberships memberships;

  PrivateChannels(ChatState state, JoinRequests requests, Memberships memberships) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.registry = state.registry;
    this.requests = requests;
    this.memberships = memberships;
  }

  /** Makes the actor's current channel private (or open again); its main admin's call. */
  void setPrivate(User actor, boolean on) {
    requireOnline(actor);
    state.storedFirst(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkPrivate(actor, channel);
          if (channel.isPrivate() == on) {
            throw new ChatException(
                ChatException.Reason.ALREADY,
                channel.name() + " is " + (on ? "private" : "open") + " already.",
                channel.name(),
                on);
          }
          if (channel.isRegistered()) {
            state.store(
                () -> registry.setPrivate(channel.name(), on), () -> channel.setPrivate(!on));
          }
          channel.setPrivate(on);
          channel.broadcast(
              new Notice.PrivacySet(clock.instant(), channel.name(), actor.nick(), on));
          return null;
        });
  }

  /**
   * Accepts a request to join the actor's current channel: a requester who is online is let in at
   * once; one who is not gets an invitation for their next /JOIN.
   */
  void accept(User actor, String nick) {
    requireOnline(actor);
    answer(actor, nick, true, null);
  }

  /** A requester who is online and was just accepted: let in at once. */
  private record Invited(User user, Channel channel) {}

  /** Turns down a request to join the actor's current channel; the requester is told. */
  void deny(User actor, String nick, String reason) {
    requireOnline(actor);
    answer(actor, nick, false, reason);
  }

  private void answer(User actor, String nick, boolean yes, String reason) {
    String why = bounded(reason, ChatServer.MAX_REASON_LENGTH, "A reason");
    Invited invited =
        state.storedFirst(
            () -> {
              Channel channel = requireCurrent(actor);
              RankRules.checkRequests(actor, channel);
              JoinRequest request = JoinRequests.named(channel, JoinRequest.Kind.REQUEST, nick);
              if (request == null) {
                throw new ChatException(
                    ChatException.Reason.NO_SUCH_NICK,
                    "Nobody called "
                        + Text.visible(nick)
                        + " is waiting to join "
                        + channel.name()
                        + "; /REQUESTS lists them.",
                    nick,
                    channel.name());
              }
              Instant now = clock.instant();
              channel.broadcast(
                  new Notice.RequestAnswered(
                      now, channel.name(), actor.nick(), request.nick(), yes, why));
              User requester = users.get(Names.key(request.nick()));
              if (requester != null
                  && !(request.account() != null
                      ? request.account().equalsIgnoreCase(String.valueOf(requester.account()))
                      : requester.account() == null && !requester.since().isAfter(request.at()))) {
                // Someone else holds the nick now (the one who asked left): not them.
                requester = null;
              }
              if (!yes) {
                requests.dropRequest(channel, request);
                if (requester != null) {
                  requester.deliver(
                      new Notice.YourRequestDenied(now, channel.name(), actor.nick(), why));
                }
                return null;
              }
              requests.answerWithInvitation(
                  channel,
                  request,
                  new JoinRequest(
                      JoinRequest.Kind.INVITATION,
                      request.nick(),
                      request.account(),
                      actor.nick(),
                      now));
              return requester == null ? null : new Invited(requester, channel);
            });
    if (invited != null) {
      try {
        memberships.join(invited.user(), invited.channel().name()); // uses the invitation
      } catch (ChatException e) {
        // too many channels, say: the invitation waits for their own /JOIN
        invited
            .user()
            .deliver(new Notice.InvitationWaits(clock.instant(), invited.channel().name(), e));
      }
    }
  }

  /**
   * Invites {@code nick} to the actor's current channel: their next /JOIN lets them in even when it
   * is private. They are told if they are online.
   */
  void invite(User actor, String nick) {
    requireOnline(actor);
    Names.requireNick(nick);
    state.storedFirst(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkRequests(actor, channel);
          User invitee = users.get(Names.key(nick));
          if (invitee != null && channel.contains(invitee)) {
            throw new ChatException(
                ChatException.Reason.ALREADY,
                invitee.nick() + " is in " + channel.name() + " already.",
                invitee.nick(),
                channel.name());
          }
          if (channel.requests().size() >= JoinRequests.MAX_REQUESTS) {
            throw new ChatException(
                ChatException.Reason.LIMIT, "Too many requests and invitations wait already.");
          }
          Instant now = clock.instant();
          String shownNick = invitee == null ? nick : invitee.nick();
          JoinRequest pending =
              invitee == null
                  ? JoinRequests.named(channel, JoinRequest.Kind.REQUEST, shownNick)
                  : JoinRequests.find(
                      channel, JoinRequest.Kind.REQUEST, invitee.nick(), invitee.account());
          JoinRequest invitation =
              new JoinRequest(
                  JoinRequest.Kind.INVITATION,
                  shownNick,
                  invitee == null ? state.account(nick).orElse(null) : invitee.account(),
                  actor.nick(),
                  now);
          if (pending != null) {
            requests.answerWithInvitation(channel, pending, invitation); // it answers the request
          } else {
            requests.keepRequest(channel, invitation);
          }
          channel.broadcast(new Notice.Invited(now, channel.name(), actor.nick(), shownNick));
          if (invitee != null) {
            invitee.deliver(new Notice.InvitedYou(now, channel.name(), actor.nick()));
          }
          return null;
        });
  }

  /** The requests and invitations waiting in the actor's current channel (its admins only). */
  List<JoinRequest> requests(User actor) {
    requireOnline(actor);
    return state.locked(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkRequests(actor, channel);
          return channel.requests();
        });
  }
}
