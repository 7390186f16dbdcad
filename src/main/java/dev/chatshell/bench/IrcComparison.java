package dev.chatshell.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code chatshell bench --protocol irc --against chatshell,ngircd,inspircd,ergo}: the same IRC
 * load on each server, one after the other and round after round (A B C D A B C D ...), so that
 * whatever else the machine does falls on all of them alike. Each server is started fresh for each
 * phase, on a free loopback port with a configuration the bench writes ({@link PeerConfigs}), and
 * stopped after it:
 *
 * <ol>
 *   <li>idle: {@code idle.sessions()} clients register and join {@code idle.channels()} channels, a
 *       fifth of them first; the server's resident memory, read after a settle time once the fifth
 *       and once all are in, grows by the memory per idle connection times the clients in between
 *       (the slope, without what the server spends once; the whole growth over the clients is
 *       reported next to it);
 *   <li>load: {@code load.sessions()} members in {@code load.channels()} channels, {@code
 *       load.rate()} messages a second for the load's duration: deliveries a second, latency, and
 *       the server's CPU time per 1,000 deliveries; then, on the same members, a step search for
 *       the highest rate whose p99 stays under the limit ({@link RateSearch}).
 * </ol>
 *
 * The sending, reading and timing are {@link LoadRun}'s, the same as for telnet and SSH members.
 */
final class IrcComparison {
  private static final Duration SETTLE = Duration.ofSeconds(2);

  /**
   * What to run.
   *
   * @param targets the servers, in the order each round runs them
   * @param idle the idle phase's clients and channels; {@code sessions() == 0} skips it
   * @param idleSettle how long the server is left idle before each idle-phase reading
   * @param load the fixed-rate load (members, channels, rate, warm-up, duration)
   * @param searchFrom the search's first rate; 0 skips the search
   * @param searchTo the highest rate it tries
   * @param refinements how many times it halves the gap once a rate fails
   * @param p99LimitMillis the p99 a rate must stay under to count as sustained
   * @param binaries each peer's program
   * @param javaOptions the chatshell server's JVM options
   * @param chatshellSettings chatshell's settings for a plan and a work directory
   */
  record Setup(
      List<Target> targets,
      int rounds,
      Plan idle,
      Duration idleSettle,
      Plan load,
      int searchFrom,
      int searchTo,
      int refinements,
      Duration stepWarmup,
      Duration stepDuration,
      double p99LimitMillis,
      Map<Target, String> binaries,
      List<String> javaOptions,
      BiFunction<Plan, Path, Map<String, String>> chatshellSettings,
      Path results,
      String stem) {}

  private final Setup setup;
  private final PrintStream progress;

  IrcComparison(Setup setup, PrintStream progress) {
    this.setup = setup;
    this.progress = progress;
  }

  /** Runs every round on every server; a server that fails is reported and the rest go on. */
  ComparisonReport run() throws InterruptedException {
    List<ServerRound> rounds = new ArrayList<>();
    for (int round = 1; round <= setup.rounds(); round++) {
      for (Target target : setup.targets()) {
        progress.printf(
            Locale.ROOT,
            "%n== %s, round %d of %d (load average %s) ==%n",
            target.label(),
            round,
            setup.rounds(),
            loadAverage());
        rounds.add(round(target, round));
      }
    }
    return new ComparisonReport(setup.targets(), rounds);
  }

  private ServerRound round(Target target, int round) throws InterruptedException {
    String name = setup.stem() + "-" + target.label() + "-r" + round;
    ServerRound.IdleMemory idle = null;
    try {
      if (setup.idle().sessions() > 0) {
        idle = idle(target, setup.results().resolve(name + "-idle"));
      }
    } catch (IOException | RuntimeException e) {
      return failed(target, round, null, "idle phase: " + e.getMessage());
    }
    BenchResult fixed;
    List<BenchResult> steps = new ArrayList<>();
    RateSearch search =
        setup.searchFrom() > 0
            ? new RateSearch(setup.searchFrom(), setup.searchTo(), setup.refinements())
            : null;
    Plan load = setup.load();
    Path work = setup.results().resolve(name + "-load");
    fixed = null;
    try {
      // A step that made the server drop members leaves too few for the next: the search goes on
      // with a fresh server and fresh members, so that the rates between are tried too.
      for (int restart = 0; fixed == null || search != null && search.next() > 0; restart++) {
        try (ServerProcess server =
            start(
                target,
                restart == 0 ? work : work.resolveSibling(work.getFileName() + "-" + restart),
                load)) {
          LoadRun run =
              new LoadRun(load, target, server, progress)
                  .openingAtOnce(PeerConfigs.loginsInFlight(target));
          try {
            run.open();
            int in = run.held();
            progress.printf(
                Locale.ROOT,
                "[load] %d of %d members in, %d failed%n",
                in,
                load.sessions(),
                run.failures());
            run.failureReasons().forEach(reason -> progress.println("  login failure: " + reason));
            if (fixed == null) {
              fixed = run.step(load);
              fixed.write(setup.results(), name);
              fixed.summary().forEach(line -> progress.println("  " + line));
            }
            while (search != null && search.next() > 0) {
              int rate = search.next();
              Plan step =
                  load.with(
                      load.sessions(),
                      load.channels(),
                      rate,
                      setup.stepWarmup(),
                      setup.stepDuration());
              BenchResult result = run.step(step);
              // every member that came in must still be there: one the server dropped is a failure
              boolean sustained = RateSearch.sustained(result, in, setup.p99LimitMillis());
              steps.add(result);
              search.record(rate, sustained);
              progress.println(stepLine(target, result, sustained));
              if (run.held() < in) {
                progress.println(
                    "  the server dropped members: the search goes on with a fresh one");
                break;
              }
            }
          } finally {
            run.close();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return failed(target, round, idle, "load phase: " + e.getMessage());
    }
    return new ServerRound(
        target,
        round,
        idle,
        fixed,
        List.copyOf(steps),
        search == null ? 0 : search.best(),
        search != null && search.cappedAtMax(),
        null);
  }

  private ServerRound failed(Target target, int round, ServerRound.IdleMemory idle, String why) {
    progress.println("  " + target.label() + ": " + why);
    return new ServerRound(target, round, idle, null, List.of(), 0, false, why);
  }

  /**
   * The idle phase on a fresh server: its memory before the idle clients come, once a fifth of them
   * are in and once all are, each of the last two after the server was left idle for the settle
   * time (the same for every server), so that a collector has had the time to give back the ramp's
   * garbage.
   */
  private ServerRound.IdleMemory idle(Target target, Path work)
      throws IOException, InterruptedException {
    Plan plan = setup.idle();
    try (ServerProcess server = start(target, work, plan)) {
      Thread.sleep(SETTLE);
      ServerRound.Reading before = read(server, 0);
      LoadRun run =
          new LoadRun(plan, target, server, progress)
              .openingAtOnce(PeerConfigs.loginsInFlight(target));
      try {
        int fifth = Math.max(1, plan.sessions() / 5);
        double ramp = run.openNext(fifth);
        ServerRound.Reading partial = null;
        if (fifth < plan.sessions()) {
          Thread.sleep(setup.idleSettle());
          partial = read(server, run.held());
          progress.printf(Locale.ROOT, "[idle] %s%n", readingLine(partial));
          ramp += run.openNext(plan.sessions() - fifth);
        }
        run.failureReasons().forEach(reason -> progress.println("  login failure: " + reason));
        Thread.sleep(setup.idleSettle());
        ServerRound.Reading after = read(server, run.held());
        progress.printf(Locale.ROOT, "[idle] %s%n", readingLine(after));
        ServerRound.IdleMemory idle =
            new ServerRound.IdleMemory(
                plan.sessions(),
                plan.channels(),
                run.held(),
                run.failures(),
                ramp,
                setup.idleSettle().toMillis() / 1000.0,
                before,
                partial,
                after);
        progress.printf(
            Locale.ROOT,
            "[idle] %d of %d clients in %d channels, %d failed, ramp %.1f s, settled %.0f s: %s"
                + " per connection (whole: %s)%n",
            idle.held(),
            idle.asked(),
            idle.channels(),
            idle.failures(),
            ramp,
            idle.settleSeconds(),
            perConnection(idle.rssPerConnection(), idle.heapPerConnection()),
            perConnection(idle.rssWholePerConnection(), idle.heapWholePerConnection()));
        return idle;
      } finally {
        run.close();
      }
    }
  }

  /**
   * The server's memory now: resident memory first, then the live heap, since reading the heap
   * makes a full GC that may give memory back.
   */
  private static ServerRound.Reading read(ServerProcess server, int clients) {
    long rss = server.rssBytes();
    return new ServerRound.Reading(clients, rss, server.liveHeap());
  }

  private static String readingLine(ServerRound.Reading reading) {
    return String.format(
        Locale.ROOT,
        "%d clients: RSS %.1f MiB%s",
        reading.clients(),
        reading.rss() / 1048576.0,
        reading.heap() < 0
            ? ""
            : String.format(Locale.ROOT, ", live heap %.1f MiB", reading.heap() / 1048576.0));
  }

  /** "2.7 KiB RSS (live heap 0.9 KiB)", or "?" when the resident memory is unknown. */
  static String perConnection(double rss, double heap) {
    if (rss < 0) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.1f KiB RSS", rss / 1024)
        + (heap < 0 ? "" : String.format(Locale.ROOT, " (live heap %.1f KiB)", heap / 1024));
  }

  private static String stepLine(Target target, BenchResult step, boolean sustained) {
    return String.format(
        Locale.ROOT,
        "[search %s] %d msg/s: %d of %d deliveries, %.0f deliveries/s, p50 %.2f ms, p99 %.2f ms,"
            + " server %.2f cores, client %.2f: %s",
        target.label(),
        step.plan().rate(),
        step.delivered(),
        step.expected(),
        step.deliveriesPerSecond(),
        step.percentileMillis(50),
        step.percentileMillis(99),
        step.serverCores(),
        step.clientCores(),
        sustained ? "sustained" : "not sustained");
  }

  /** Starts {@code target} in {@code work} on a free port, sized for {@code plan}'s clients. */
  private ServerProcess start(Target target, Path work, Plan plan)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    int port = freePort();
    if (target == Target.CHATSHELL) {
      Files.writeString(work.resolve("motd.txt"), "chatshell bench\n");
      Map<String, String> settings = setup.chatshellSettings().apply(plan, work);
      // the IRC port was closed again when it was found, so the kernel may hand it out twice
      int telnet = freePort();
      while (telnet == port) {
        telnet = freePort();
      }
      return ServerProcess.start(
          Target.CHATSHELL, telnet, 0, port, setup.javaOptions(), settings, work);
    }
    String binary = setup.binaries().get(target);
    PeerConfigs.Launch launch =
        switch (target) {
          case NGIRCD -> PeerConfigs.ngircd(binary, port, work);
          case INSPIRCD -> PeerConfigs.inspircd(binary, port, work, plan.members(), isRoot());
          case ERGO -> PeerConfigs.ergo(binary, port, work);
          default -> throw new IllegalArgumentException(target + " is not an IRC server");
        };
    for (Map.Entry<String, String> file : launch.files().entrySet()) {
      Files.writeString(work.resolve(file.getKey()), file.getValue());
    }
    return ServerProcess.startPeer(target, launch.command(), port, work);
  }

  /**
   * The machine's load averages over 1, 5 and 15 minutes, or "?": the servers share two cores with
   * the bench and whatever else runs, and the report should say how busy they were.
   */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
