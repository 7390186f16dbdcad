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
    ChurnPlan churn) {

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
        ChurnPlan.NONE);
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

  /** The messages that will be sent in the measured part, or -1 at full speed. */
  long plannedMessages() {
    return rate == 0 ? -1 : rate * duration.toSeconds();
  }
}
