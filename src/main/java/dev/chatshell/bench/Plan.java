package dev.chatshell.bench;

import java.time.Duration;

/**
 * One bench run's load, as given on the command line.
 *
 * @param sessions measured sessions to open and log in
 * @param channels channels they are spread over, round robin
 * @param mode how the sessions speak telnet
 * @param rate messages per second over all channels; 0 sends as fast as {@code window} allows
 * @param duration how long to send after the warm-up
 * @param warmup how long to send before measuring
 * @param rampRate sessions opened per second
 * @param messageBytes length of each message
 * @param stalled extra sessions in the first channel that stop reading once logged in
 * @param flooders extra sessions in the first channel that send as fast as they can
 * @param sourceAddresses loopback addresses (127.1.x.y) the sessions connect from
 * @param window at full speed, deliveries that may be outstanding
 * @param heapEvery how often to sample the server's live heap while sending; zero for never
 * @param hold how long to keep the sessions open after measuring, to look at the server
 * @param churn other clients' joins, parts, nick changes, grants and logins while sending
 * @param sshSessions measured SSH sessions (pty, one key each) next to the {@code sessions} telnet
 *     members, in channels of their own; 0 for telnet only
 * @param door how the {@code sessions} members connect: {@link Door#TELNET}, or {@link Door#IRC}
 *     for an IRC server (chatshell's IRC door or another IRC server)
 */
record Plan(
    int sessions,
    int channels,
    Mode mode,
    int rate,
    Duration duration,
    Duration warmup,
    int rampRate,
    int messageBytes,
    int stalled,
    int flooders,
    int sourceAddresses,
    int window,
    Duration heapEvery,
    Duration hold,
    ChurnPlan churn,
    int sshSessions,
    Door door) {

  /** How long the telnet members, then the SSH members, have the channels to themselves. */
  static final Duration SLICE = Duration.ofSeconds(5);

  /** A load with telnet members, and SSH members next to them or not. */
  Plan(
      int sessions,
      int channels,
      Mode mode,
      int rate,
      Duration duration,
      Duration warmup,
      int rampRate,
      int messageBytes,
      int stalled,
      int flooders,
      int sourceAddresses,
      int window,
      Duration heapEvery,
      Duration hold,
      ChurnPlan churn,
      int sshSessions) {
    this(
        sessions,
        channels,
        mode,
        rate,
        duration,
        warmup,
        rampRate,
        messageBytes,
        stalled,
        flooders,
        sourceAddresses,
        window,
        heapEvery,
        hold,
        churn,
        sshSessions,
        Door.TELNET);
  }

  /** A load with churn and telnet members only. */
  Plan(
      int sessions,
      int channels,
      Mode mode,
      int rate,
      Duration duration,
      Duration warmup,
      int rampRate,
      int messageBytes,
      int stalled,
      int flooders,
      int sourceAddresses,
      int window,
      Duration heapEvery,
      Duration hold,
      ChurnPlan churn) {
    this(
        sessions,
        channels,
        mode,
        rate,
        duration,
        warmup,
        rampRate,
        messageBytes,
        stalled,
        flooders,
        sourceAddresses,
        window,
        heapEvery,
        hold,
        churn,
        0,
        Door.TELNET);
  }

  /** A load without churn. */
  Plan(
      int sessions,
      int channels,
      Mode mode,
      int rate,
      Duration duration,
      Duration warmup,
      int rampRate,
      int messageBytes,
      int stalled,
      int flooders,
      int sourceAddresses,
      int window,
      Duration heapEvery,
      Duration hold) {
    this(
        sessions,
        channels,
        mode,
        rate,
        duration,
        warmup,
        rampRate,
        messageBytes,
        stalled,
        flooders,
        sourceAddresses,
        window,
        heapEvery,
        hold,
        ChurnPlan.NONE,
        0,
        Door.TELNET);
  }

  /** How the sessions speak telnet. */
  enum Mode {
    /** Refuse every telnet option, as nc or a script would: chatshell gives plain line mode. */
    PLAIN,
    /** Accept echo, send window size and terminal type, as netkit telnet does: a JLine shell. */
    CHAR,
    /** Half and half. */
    MIXED;

    boolean character(int index) {
      return this == CHAR || this == MIXED && index % 2 == 1;
    }
  }

  /** The channel of the {@code index}th session. */
  String channelOf(int index) {
    return "#bench-" + (index % channels);
  }

  /** The channel of the {@code position}th SSH member: SSH members have channels of their own. */
  String sshChannelOf(int position) {
    return "#ssh-" + (position % channels);
  }

  /** Every measured member, telnet and SSH: the troublemakers and churn clients come after. */
  int members() {
    return sessions + sshSessions;
  }

  /**
   * While sending, which members have the channels in the slice that includes {@code
   * sinceMeasuring} (nanoseconds from the start of measuring, negative in the warm-up): with both
   * doors, telnet and SSH take turns of {@link #SLICE} each, telnet first, so each gets the whole
   * rate alone and the server's CPU can be told apart; with one door, always that one.
   */
  Door door(long sinceMeasuring) {
    if (sshSessions == 0) {
      return door;
    }
    if (sessions == 0) {
      return Door.SSH;
    }
    return Math.floorMod(Math.floorDiv(sinceMeasuring, SLICE.toNanos()), 2) == 0 ? door : Door.SSH;
  }

  /** How a member connects. */
  enum Door {
    TELNET,
    SSH,
    /** Plain IRC (RFC 1459 registration, JOIN, PRIVMSG), to chatshell's IRC door or a peer. */
    IRC
  }

  /**
   * The same load with other members, channels and sending: the phases of an IRC comparison (idle
   * clients, then a fixed rate, then a search for the highest rate) derive theirs from one plan.
   */
  Plan with(int members, int inChannels, int atRate, Duration warm, Duration measured) {
    return new Plan(
        members,
        inChannels,
        mode,
        atRate,
        measured,
        warm,
        rampRate,
        messageBytes,
        stalled,
        flooders,
        sourceAddresses,
        window,
        heapEvery,
        hold,
        churn,
        sshSessions,
        door);
  }

  /** The messages that will be sent in the measured part, or -1 at full speed. */
  long plannedMessages() {
    return rate == 0 ? -1 : rate * duration.toSeconds();
  }
}
