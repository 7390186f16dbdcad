package dev.chatshell.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The churn of one {@link LoadRun}: sets up its clients once the measured members are in, then,
 * while they chat, has each client make its changes on a fixed timetable, and records how long each
 * change took to be answered.
 *
 * <p>Timing: each change has the time it was due, and its latency runs from then to the arrival of
 * the answer, so a change that waits for the previous one of its client (a slow server) shows up
 * instead of hiding. Clients of one kind take turns, evenly spaced.
 */
final class ChurnRun {
  /** Interfaces a churn client needs from the load run. */
  interface Wiring {
    InetSocketAddress server();

    Reactor reactor(int index);

    InetAddress source(int index) throws UnknownHostException;
  }

  // As long as the members' login steps may take: on a starved server answers come late, and a
  // change given up on would leave its client out of step with the server.
  private static final long STEP_TIMEOUT = TimeUnit.SECONDS.toNanos(60);
  private static final int GUESTS_AT_ONCE = 64;
  // The server checks a few hashes at once and answers "busy" beyond: set-up logins queue here.
  private static final int ACCOUNTS_AT_ONCE = 8;

  private final ChurnPlan churn;
  private final Wiring wiring;
  private final int firstIndex;
  private final PrintStream progress;

  private final List<ChurnClient> walkers = new ArrayList<>();
  private final List<ChurnClient> renamers = new ArrayList<>();
  private final List<ChurnClient> moderators = new ArrayList<>();
  private final List<ChurnClient> targets = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  private final Map<ChurnKind, Histogram> latency = new EnumMap<>(ChurnKind.class);
  private final Map<ChurnKind, LongAdder> answeredInWindow = new EnumMap<>(ChurnKind.class);
  private final Map<ChurnKind, LongAdder> failed = new EnumMap<>(ChurnKind.class);
  private final List<Thread> threads = new ArrayList<>();
  private final Set<Integer> grantedAtStart = ConcurrentHashMap.newKeySet();
  private double setUpSeconds;
  private long measureStart;
  private long measureEnd;

  /**
   * @param firstIndex the index of the first churn client among all the run's connections (it picks
   *     their source address and reader)
   */
  ChurnRun(ChurnPlan churn, Wiring wiring, int firstIndex, PrintStream progress) {
    this.churn = churn;
    this.wiring = wiring;
    this.firstIndex = firstIndex;
    this.progress = progress;
    for (ChurnKind kind : ChurnKind.values()) {
      latency.put(kind, new ConcurrentHistogram(3));
      answeredInWindow.put(kind, new LongAdder());
      failed.put(kind, new LongAdder());
    }
  }

  /**
   * Opens the standing clients: moderators in their registered channels, the targets in theirs,
   * renamers in a channel each, walkers outside. Clients that fail are reported and left out.
   */
  void setUp() throws InterruptedException {
    long start = System.nanoTime();
    Semaphore accounts = new Semaphore(ACCOUNTS_AT_ONCE);
    Semaphore guests = new Semaphore(GUESTS_AT_ONCE);
    List<Thread> opening = new ArrayList<>();
    int index = firstIndex;
    for (int i = 0; i < churn.moderators(); i++, index++) {
      String channel = ChurnPlan.channel(i);
      opening.add(
          open(moderators, ChurnPlan.moderator(i), true, index, accounts, List.of(channel)));
    }
    for (int i = 0; i < churn.targets(); i++, index++) {
      List<String> channels = new ArrayList<>();
      for (int c = i * ChurnPlan.CHANNELS_PER_TARGET;
          c < Math.min(churn.moderators(), (i + 1) * ChurnPlan.CHANNELS_PER_TARGET);
          c++) {
        channels.add(ChurnPlan.channel(c));
      }
      opening.add(open(targets, ChurnPlan.target(i), true, index, accounts, channels));
    }
    for (int i = 0; i < churn.renamers(); i++, index++) {
      String channel = ChurnPlan.channel(i % churn.moderators());
      opening.add(open(renamers, ChurnPlan.renamer(i), false, index, guests, List.of(channel)));
    }
    // Every other walker starts inside its channel and every other target granted, so that joins
    // and parts (grants and revokes) are equally many in any window, not only in long ones.
    for (int i = 0; i < churn.walkers(); i++, index++) {
      List<String> channels = i % 2 == 1 ? List.of(walkerChannel(i)) : List.of();
      opening.add(open(walkers, ChurnPlan.walker(i), false, index, guests, channels));
    }
    for (Thread thread : opening) {
      thread.join();
    }
    grantEveryOther();
    setUpSeconds = (System.nanoTime() - start) / 1e9;
    progress.printf(
        Locale.ROOT,
        "[churn] %d of %d churning sessions in, in %.1f s%n",
        standing(),
        churn.standingSessions(),
        setUpSeconds);
    problems.stream().limit(5).forEach(problem -> progress.println("  churn set-up: " + problem));
    problems.clear(); // reported: what is left at the end is the measured part's
  }

  private String walkerChannel(int walker) {
    return ChurnPlan.channel(walker % churn.moderators());
  }

  private static String target(int moderator) {
    return ChurnPlan.target(moderator / ChurnPlan.CHANNELS_PER_TARGET);
  }

  /** The odd moderators grant their target once, before the timetable starts. */
  private void grantEveryOther() throws InterruptedException {
    List<Thread> granting = new ArrayList<>();
    for (int i = 1; i < moderators.size(); i += 2) {
      ChurnClient client = moderators.get(i);
      if (client == null) {
        continue;
      }
      String target = target(i);
      String channel = ChurnPlan.channel(i);
      int moderator = i;
      granting.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      if (client.request("/GRANT " + target, STEP_TIMEOUT, granted(target, channel))
                          >= 0) {
                        grantedAtStart.add(moderator);
                      } else {
                        problems.add(ChurnPlan.moderator(moderator) + ": " + client.seen());
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    for (Thread thread : granting) {
      thread.join();
    }
  }

  private static String granted(String target, String channel) {
    return "made " + target + " a secondary admin (@) of " + channel;
  }

  private static String revoked(String target, String channel) {
    return "took back " + target + "'s secondary-admin rights in " + channel;
  }

  /** Opens one standing client in a thread of its own; it lands in {@code into} at its place. */
  private Thread open(
      List<ChurnClient> into,
      String nick,
      boolean account,
      int index,
      Semaphore room,
      List<String> channels) {
    int place = into.size();
    into.add(null);
    return Thread.ofVirtual()
        .name("churn-open-" + nick)
        .start(
            () -> {
              ChurnClient client = new ChurnClient(nick);
              try {
                room.acquire();
                try {
                  client.open(
                      wiring.source(index), wiring.server(), wiring.reactor(index), STEP_TIMEOUT);
                  client.logIn(nick, account ? ChurnPlan.PASSWORD : null, STEP_TIMEOUT);
                } finally {
                  room.release();
                }
                for (String channel : channels) {
                  // A founder's login takes it into its channels by itself.
                  if (client.request(
                          "/JOIN " + channel,
                          STEP_TIMEOUT,
                          "You joined " + channel,
                          "You are already in " + channel)
                      < 0) {
                    throw new IOException(
                        nick + " did not get into " + channel + "; " + client.seen());
                  }
                }
                synchronized (into) {
                  into.set(place, client);
                }
              } catch (IOException | RuntimeException e) {
                client.close();
                problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
              } catch (InterruptedException e) {
                client.close();
                Thread.currentThread().interrupt();
              }
            });
  }

  /**
   * Starts the changes: from {@code start}, each client on its timetable; those due in [{@code
   * measureStart}, {@code measureEnd}) are measured, and none is due later.
   */
  void start(long start, long measureStart, long measureEnd) {
    this.measureStart = measureStart;
    this.measureEnd = measureEnd;
    // A client that could not be set up leaves its turns out: the rate achieved shows it.
    double perKind = churn.perKind();
    for (int i = 0; i < walkers.size(); i++) {
      ChurnClient client = walkers.get(i);
      if (client == null) {
        continue;
      }
      String channel = walkerChannel(i);
      boolean[] in = {i % 2 == 1};
      schedule(
          "churn-walk-" + i,
          start,
          i,
          walkers.size(),
          2 * perKind,
          due -> {
            boolean joining = !in[0];
            long answered =
                joining
                    ? client.request("/JOIN " + channel, STEP_TIMEOUT, "You joined " + channel)
                    : client.request("/LEAVE " + channel, STEP_TIMEOUT, "You left " + channel);
            if (answered >= 0) {
              in[0] = joining;
            }
            record(joining ? ChurnKind.JOIN : ChurnKind.PART, due, answered);
          });
    }
    for (int i = 0; i < renamers.size(); i++) {
      ChurnClient client = renamers.get(i);
      if (client == null) {
        continue;
      }
      String nick = ChurnPlan.renamer(i);
      String[] now = {nick};
      schedule(
          "churn-nick-" + i,
          start,
          i,
          renamers.size(),
          perKind,
          due -> {
            String next = now[0].equals(nick) ? nick + "x" : nick;
            long answered =
                client.request("/NICK " + next, STEP_TIMEOUT, "You are now known as " + next);
            if (answered >= 0) {
              now[0] = next;
            }
            record(ChurnKind.NICK, due, answered);
          });
    }
    for (int i = 0; i < moderators.size(); i++) {
      ChurnClient client = moderators.get(i);
      if (client == null) {
        continue;
      }
      String channel = ChurnPlan.channel(i);
      String target = target(i);
      boolean[] granted = {grantedAtStart.contains(i)};
      schedule(
          "churn-moderate-" + i,
          start,
          i,
          moderators.size(),
          2 * perKind,
          due -> {
            boolean granting = !granted[0];
            long answered =
                granting
                    ? client.request("/GRANT " + target, STEP_TIMEOUT, granted(target, channel))
                    : client.request("/REVOKE " + target, STEP_TIMEOUT, revoked(target, channel));
            if (answered >= 0) {
              granted[0] = granting;
            }
            record(granting ? ChurnKind.GRANT : ChurnKind.REVOKE, due, answered);
          });
    }
    int accounts = churn.loginAccounts();
    int index = firstIndex + churn.standingSessions();
    for (int i = 0; i < accounts; i++) {
      String account = ChurnPlan.loginAccount(i);
      int clientIndex = index + i;
      schedule(
          "churn-login-" + i,
          start,
          i,
          accounts,
          churn.logins(),
          due -> record(ChurnKind.LOGIN, due, logInAndOut(account, clientIndex)));
    }
  }

  /** One login of a fresh connection: when the welcome came, or -1; then it leaves. */
  private long logInAndOut(String account, int index) throws InterruptedException {
    ChurnClient client = new ChurnClient(account);
    try {
      client.open(wiring.source(index), wiring.server(), wiring.reactor(index), STEP_TIMEOUT);
      long welcomed = client.logIn(account, ChurnPlan.PASSWORD, STEP_TIMEOUT);
      client.leave(STEP_TIMEOUT);
      return welcomed;
    } catch (IOException e) {
      if (problems.size() < 20) {
        problems.add(e.getMessage());
      }
      return -1;
    } finally {
      client.close();
    }
  }

  /** One change of a client: due at {@code due}; returns nothing, records itself. */
  private interface Change {
    void make(long due) throws InterruptedException;
  }

  /**
   * Runs {@code change} for the {@code place}th of {@code clients} clients that share {@code rate}
   * changes a second: clients take turns, so each makes one every {@code clients / rate} seconds.
   */
  private void schedule(
      String name, long start, int place, int clients, double rate, Change change) {
    long period = (long) (clients * 1e9 / rate);
    long offset = (long) (place * 1e9 / rate);
    threads.add(
        Thread.ofVirtual()
            .name(name)
            .start(
                () -> {
                  try {
                    for (long k = 0; ; k++) {
                      long due = start + offset + k * period;
                      if (due >= measureEnd) {
                        return;
                      }
                      parkUntil(due);
                      change.make(due);
                    }
                  } catch (InterruptedException e) {
                    // the run is over
                  }
                }));
  }

  /**
   * Throughput counts the answers that arrived in the measured window, whenever they were due, so a
   * server that falls behind shows a lower rate; latency and failures are of the changes due in it.
   */
  private void record(ChurnKind kind, long due, long answered) {
    if (answered >= measureStart && answered < measureEnd) {
      answeredInWindow.get(kind).increment();
    }
    if (due < measureStart || due >= measureEnd) {
      return;
    }
    if (answered < 0) {
      failed.get(kind).increment();
    } else {
      latency.get(kind).recordValue(Math.max(0, answered - due));
    }
  }

  /**
   * Waits for the last changes (each has a timeout), closes every client and hands back what was
   * measured over {@code measuredSeconds}.
   */
  ChurnResult finish(double measuredSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT + TimeUnit.SECONDS.toNanos(5);
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
        thread.interrupt();
      }
    }
    for (List<ChurnClient> clients : List.of(walkers, renamers, moderators, targets)) {
      for (ChurnClient client : clients) {
        if (client != null) {
          client.close();
        }
      }
    }
    Map<ChurnKind, ChurnResult.Kind> kinds = new EnumMap<>(ChurnKind.class);
    for (ChurnKind kind : ChurnKind.values()) {
      kinds.put(
          kind,
          new ChurnResult.Kind(
              churn.asked(kind),
              answeredInWindow.get(kind).sum(),
              failed.get(kind).sum(),
              latency.get(kind).copy()));
    }
    return new ChurnResult(churn, standing(), setUpSeconds, measuredSeconds, kinds);
  }

  /** The standing clients that were set up. */
  private int standing() {
    int sessions = 0;
    for (List<ChurnClient> clients : List.of(walkers, renamers, moderators, targets)) {
      sessions += (int) clients.stream().filter(c -> c != null).count();
    }
    return sessions;
  }

  /** Why churn clients failed, a few of them. */
  List<String> problems() {
    return problems.stream().limit(5).toList();
  }

  private static void parkUntil(long deadline) throws InterruptedException {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
