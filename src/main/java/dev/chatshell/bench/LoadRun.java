package dev.chatshell.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One run of a {@link Plan} against one server: ramps the sessions up, measures the server's heap
 * with them idle, adds the troublemakers, sends for the warm-up and the measured time, waits for
 * the last deliveries and hands back a {@link BenchResult}.
 *
 * <p>Timing: every message carries the time it was meant to be sent, so a pacer that falls behind
 * (or a server that stops reading) shows up in the latency instead of hiding it.
 */
final class LoadRun {
  private static final Duration SETTLE = Duration.ofSeconds(2);
  private static final Duration DRAIN_IDLE = Duration.ofSeconds(5);
  private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);
  private static final int OPENING_AT_ONCE = 256;

  private static final String KEX = "mlkem768x25519-sha256";

  private final Plan plan;
  private final Target target;
  private final ServerProcess server;
  private final PrintStream progress;

  private final List<Reactor> reactors = new ArrayList<>();
  private final List<Member> members = new CopyOnWriteArrayList<>();
  private final List<BenchSession> troublemakers = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> failureReasons = new ConcurrentLinkedQueue<>();
  private final ThreadRecorders recorder = new ThreadRecorders();
  private final Histogram latency = new Histogram(3);
  private final LongAdder deliveredAll = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAccumulator lastDelivery = new LongAccumulator(Long::max, 0);
  private final AtomicLong expectedAll = new AtomicLong();
  private final List<BenchResult.HeapSample> heapSamples = new CopyOnWriteArrayList<>();
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;
  private volatile boolean finished;
  private final DoorCount[] doors = {
    new DoorCount(Plan.Door.TELNET), new DoorCount(Plan.Door.SSH), new DoorCount(Plan.Door.IRC)
  };
  private SshClient sshClient; // only with SSH members
  private int opened; // first-door members whose opening has been started (open, openNext)
  private volatile String sshCipher = "?";

  /**
   * What is counted for the members of one door, for the report that sets the doors side by side.
   */
  private static final class DoorCount {
    final Plan.Door door;
    final AtomicInteger failures = new AtomicInteger();
    final LongAdder delivered = new LongAdder();
    final ThreadRecorders recorder = new ThreadRecorders();
    final Histogram latency = new Histogram(3);
    double rampSeconds;
    long rampCpuNanos = -1; // server CPU while this door's members came in
    int held;
    long heapBefore = -1;
    long heapAfter = -1;
    long expected;
    long sliceNanos; // measured time in this door's slices
    long cpuNanos = -1; // server CPU in this door's slices

    DoorCount(Plan.Door door) {
      this.door = door;
    }
  }

  private int openingAtOnce = OPENING_AT_ONCE;

  /**
   * At most {@code logins} logins under way at once in the ramp, for a server whose accept queue is
   * shorter than the bench's default (256): past it, the kernel drops a connection's handshake and
   * the client waits a minute for an answer that never comes.
   */
  LoadRun openingAtOnce(int logins) {
    this.openingAtOnce = logins;
    return this;
  }

  LoadRun(Plan plan, Target target, ServerProcess server, PrintStream progress) {
    this.plan = plan;
    this.target = target;
    this.server = server;
    this.progress = progress;
  }

  BenchResult run() throws InterruptedException, IOException {
    startReactors();
    try {
      return measure();
    } finally {
      stopReactors();
    }
  }

  private void startReactors() throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < threads; i++) {
      reactors.add(new Reactor("bench-reader-" + i));
    }
    if (plan.sshSessions() > 0 && target == Target.CHATSHELL) {
      sshClient = sshClient();
    }
  }

  private void stopReactors() throws IOException {
    for (Reactor reactor : reactors) {
      reactor.close();
    }
    reactors.clear();
    if (sshClient != null) {
      sshClient.stop();
    }
  }

  // ---- a series of sendings on one set of members (the IRC comparison) ----

  /**
   * Opens the plan's members, as {@link #run} does, and leaves them in their channels for {@link
   * #step}s; returns the seconds the ramp took. {@link #close} ends them.
   */
  double open() throws IOException, InterruptedException {
    openNext(plan.sessions());
    Thread.sleep(SETTLE);
    return primary().rampSeconds;
  }

  /**
   * Opens the next {@code count} of the plan's members (after those opened before), as {@link
   * #open} does but without waiting afterwards, so that the caller can measure the server at points
   * of its own; returns the seconds this part of the ramp took.
   */
  double openNext(int count) throws IOException, InterruptedException {
    if (reactors.isEmpty()) {
      startReactors();
    }
    int first = opened;
    int upTo = Math.min(plan.sessions(), first + Math.max(0, count));
    opened = upTo;
    long start = System.nanoTime();
    ramp(first, upTo - first);
    double seconds = (System.nanoTime() - start) / 1e9;
    primary().rampSeconds += seconds;
    return seconds;
  }

  /** Members still connected. */
  int held() {
    return (int) members.stream().filter(Member::isOpen).count();
  }

  /** Members that failed to log in. */
  int failures() {
    return failures.get();
  }

  /**
   * One sending on the open members at {@code load}'s rate, warm-up and duration, then waits for
   * the last deliveries: the figures of this step alone, as a run of {@code load} would give them
   * (the heap is not read: steps compare servers that have none).
   */
  BenchResult step(Plan load) throws InterruptedException {
    resetCounts();
    String startedAt = Instant.now().toString();
    Map<Plan.Door, List<List<Member>>> channels = channelMembers();
    if (channels.isEmpty()) {
      throw new IllegalStateException("no member is in a channel");
    }
    Sent sent = send(load, channels, null);
    drain();
    double measured =
        sent.messages == 0
            ? 0
            : Math.max(load.duration().toNanos(), lastDelivery.get() - measureStart) / 1e9;
    Histogram copy;
    synchronized (latency) {
      copy = latency.copy();
    }
    return new BenchResult(
        target,
        load,
        startedAt,
        held(),
        failures.get(),
        primary().rampSeconds,
        measured,
        sent.messages,
        sent.expected,
        delivered.sum(),
        copy,
        -1,
        -1,
        List.of(),
        sent.cores,
        sent.clientCores);
  }

  /**
   * Forgets the last step's figures; deliveries of its messages that still come are not counted.
   */
  private void resetCounts() {
    measureStart = Long.MAX_VALUE;
    measureEnd = Long.MAX_VALUE;
    delivered.reset();
    lastDelivery.reset();
    synchronized (latency) {
      recorder.reset();
      latency.reset();
    }
    // a message of an earlier step that never arrived is not waited for again
    expectedAll.set(deliveredAll.sum());
  }

  /** Closes every member and stops reading. */
  void close() throws IOException {
    finished = true;
    for (Member member : members) {
      member.close();
    }
    stopReactors();
  }

  /** The counts of the members the plan opens first: telnet or IRC ones. */
  private DoorCount primary() {
    return doors[plan.door().ordinal()];
  }

  private BenchResult measure() throws InterruptedException {
    String startedAt = Instant.now().toString();
    long heapIdle = server.liveHeap();
    long rampStart = System.nanoTime();
    ramp();
    double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
    primary().rampSeconds = rampSeconds;
    Thread.sleep(SETTLE);
    long heapWithSessions = server.liveHeap();
    if (sshClient != null) {
      // The SSH members after the telnet ones, with the heap read in between: each door's heap
      // per session is what its own sessions added.
      primary().heapBefore = heapIdle;
      primary().heapAfter = heapWithSessions;
      long sshStart = System.nanoTime();
      long cpuBefore = server.cpuNanos();
      rampSsh();
      doors[1].rampSeconds = (System.nanoTime() - sshStart) / 1e9;
      long cpuAfter = server.cpuNanos();
      doors[1].rampCpuNanos = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
      rampSeconds += doors[1].rampSeconds;
      Thread.sleep(SETTLE);
      doors[1].heapBefore = heapWithSessions;
      heapWithSessions = server.liveHeap();
      doors[1].heapAfter = heapWithSessions;
    }
    double idleCores = sshClient != null ? idleCores() : -1;
    addTroublemakers();
    ChurnRun churn = churn();
    if (churn != null) {
      churn.setUp();
    }
    long messages = 0;
    long expected = 0;
    double cores = -1;
    double clientCores = -1;
    Map<Plan.Door, List<List<Member>>> channels = channelMembers();
    if (!channels.isEmpty() && plan.duration().toNanos() > 0) {
      Sent sent = send(plan, channels, churn);
      messages = sent.messages;
      expected = sent.expected;
      cores = sent.cores;
      clientCores = sent.clientCores;
      drain();
    }
    ChurnResult churned = null;
    if (churn != null) {
      churned = churn.finish(plan.duration().toNanos() / 1e9);
      churn.problems().forEach(problem -> progress.println("  churn: " + problem));
    }
    long lastMeasured = lastDelivery.get();
    double measured =
        messages == 0 ? 0 : Math.max(plan.duration().toNanos(), lastMeasured - measureStart) / 1e9;
    int held = (int) members.stream().filter(Member::isOpen).count();
    for (DoorCount count : doors) {
      count.held = (int) members.stream().filter(m -> m.door() == count.door && m.isOpen()).count();
    }
    finished = true;
    if (plan.hold().toNanos() > 0) {
      progress.println("[hold] sessions stay open for " + plan.hold().toSeconds() + " s");
      Thread.sleep(plan.hold());
    }
    for (Member session : members) {
      session.close();
    }
    for (BenchSession session : troublemakers) {
      session.close();
    }
    return new BenchResult(
        target,
        plan,
        startedAt,
        held,
        failures.get(),
        rampSeconds,
        measured,
        messages,
        expected,
        delivered.sum(),
        latency,
        heapIdle,
        heapWithSessions,
        List.copyOf(heapSamples),
        cores,
        clientCores,
        churned,
        doorResults(idleCores));
  }

  /** Each door's figures, when SSH members came next to (or instead of) telnet ones. */
  private List<BenchResult.DoorResult> doorResults(double idleCores) {
    if (sshClient == null) {
      return List.of();
    }
    List<BenchResult.DoorResult> results = new ArrayList<>();
    for (DoorCount count : doors) {
      int asked =
          count.door == Plan.Door.SSH
              ? plan.sshSessions()
              : count.door == plan.door() ? plan.sessions() : 0;
      if (asked == 0) {
        continue;
      }

      synchronized (latency) {
        count.latency.add(count.recorder.intervalHistogram());
      }
      results.add(
          new BenchResult.DoorResult(
              count.door,
              asked,
              count.held,
              count.failures.get(),
              count.rampSeconds,
              count.rampCpuNanos < 0 ? -1 : count.rampCpuNanos / 1e9,
              count.heapBefore,
              count.heapAfter,
              count.sliceNanos / 1e9,
              count.expected,
              count.delivered.sum(),
              count.latency,
              count.cpuNanos < 0 ? -1 : count.cpuNanos / 1e9,
              idleCores,
              count.door == Plan.Door.SSH ? sshCipher : "none"));
    }
    return results;
  }

  /**
   * MINA's own client, for every SSH member: it trusts the server the bench started (its host key
   * is new each time), reads nothing from ~/.ssh, logs in by public key only, and never times a
   * session out.
   */
  private static SshClient sshClient() {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((session, address, key) -> true); // quietly: 10,000 of them
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    // Key exchange as OpenSSH 9.9 and later ask first: ML-KEM 768 with X25519. (MINA's own first
    // choice, sntrup761, costs its client 15 ms of CPU a login in BouncyCastle and would measure
    // the bench rather than the server.)
    List<KeyExchangeFactory> kex = new ArrayList<>(client.getKeyExchangeFactories());
    kex.sort(Comparator.comparing(factory -> !factory.getName().equals(KEX)));
    client.setKeyExchangeFactories(kex);
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, Duration.ZERO);
    client.start();
    return client;
  }

  /** The churn of the plan, or null when there is none (or the server is the baseline). */
  private ChurnRun churn() {
    if (!plan.churn().active() || target == Target.BASELINE) {
      return null;
    }
    ChurnRun.Wiring wiring =
        new ChurnRun.Wiring() {
          @Override
          public java.net.InetSocketAddress server() {
            return server.address();
          }

          @Override
          public Reactor reactor(int index) {
            return reactors.get(index % reactors.size());
          }

          @Override
          public InetAddress source(int index) throws UnknownHostException {
            return sourceAddress(index);
          }
        };
    int first = plan.members() + plan.stalled() + plan.flooders();
    return new ChurnRun(plan.churn(), wiring, first, progress);
  }

  /** Why sessions failed to log in, a few of them, for the report. */
  List<String> failureReasons() {
    return failureReasons.stream().limit(5).toList();
  }

  // ---- ramp ----

  private void ramp() throws InterruptedException {
    ramp(0, plan.sessions());
  }

  /** Opens the plan's first-door members numbered {@code first} to {@code first + count - 1}. */
  private void ramp(int first, int count) throws InterruptedException {
    if (plan.door() == Plan.Door.IRC) {
      ramp(
          count,
          first,
          primary(),
          i -> new IrcBenchSession(i, plan.channelOf(i)),
          member ->
              ((IrcBenchSession) member)
                  .open(
                      sourceAddress(member.index()),
                      server.ircAddress(),
                      reactors.get(member.index() % reactors.size()),
                      (sent, sender) -> delivered(sent, sender, primary())));
      return;
    }
    ramp(
        count,
        first,
        primary(),
        i ->
            new BenchSession(
                i, plan.channelOf(i), plan.mode().character(i), BenchSession.Role.MEMBER),
        session -> open((BenchSession) session, session.index()));
  }

  /**
   * Opens the SSH members (after the telnet ones), as fast as the ramp rate and the server allow.
   */
  private void rampSsh() throws InterruptedException {
    int first = plan.sessions();
    ramp(
        plan.sshSessions(),
        first,
        doors[1],
        i -> new SshBenchSession(i, plan.sshChannelOf(i - first)),
        member -> {
          SshBenchSession session = (SshBenchSession) member;
          session.open(
              sshClient,
              sourceAddress(session.index()),
              server.sshAddress(),
              (sent, sender) -> delivered(sent, sender, doors[1]));
          if (sshCipher.equals("?")) {
            sshCipher = session.cipher();
          }
        });
  }

  /** How a member of one door logs in. */
  @FunctionalInterface
  private interface Opener {
    void open(Member member) throws IOException, InterruptedException;
  }

  /**
   * Opens {@code count} members numbered from {@code first}, one door's, at the ramp rate and at
   * most {@link #OPENING_AT_ONCE} under way, each on a virtual thread; failures are counted for the
   * door and their reasons kept.
   */
  private void ramp(
      int count,
      int first,
      DoorCount door,
      java.util.function.IntFunction<Member> make,
      Opener opener)
      throws InterruptedException {
    Semaphore opening = new Semaphore(openingAtOnce);
    long period = TimeUnit.SECONDS.toNanos(1) / Math.max(1, plan.rampRate());
    long start = System.nanoTime();
    Thread reporter = reporter(() -> rampLine(start));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        parkUntil(start + i * period);
        opening.acquire();
        Member session = make.apply(first + i);
        pool.submit(
            () -> {
              try {
                opener.open(session);
                members.add(session);
              } catch (IOException | RuntimeException e) {
                door.failures.incrementAndGet();
                fail(session, e);
              } catch (InterruptedException e) {
                session.close();
                Thread.currentThread().interrupt();
              } finally {
                opening.release();
              }
            });
      }
    } finally {
      reporter.interrupt();
    }
    progress.println(rampLine(start));
  }

  private String rampLine(long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(
        Locale.ROOT,
        "[ramp %5.1f s] %d of %d sessions logged in, %d failed",
        seconds,
        members.size(),
        plan.members(),
        failures.get());
  }

  private void open(BenchSession session, int index) throws IOException, InterruptedException {
    Reactor reactor = reactors.get(index % reactors.size());
    // Only members are measured: what the troublemakers receive is not counted.
    ClientStream.Deliveries deliveries =
        session.role == BenchSession.Role.MEMBER
            ? (sent, sender) -> delivered(sent, sender, primary())
            : (sent, sender) -> {};
    session.open(sourceAddress(index), server.address(), target, reactor, deliveries);
  }

  private void fail(Member session, Exception e) {
    session.close();
    failures.incrementAndGet();
    if (failureReasons.size() < 20) {
      failureReasons.add(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** 127.1.x.y: every loopback address reaches the server, and each has its own port range. */
  private InetAddress sourceAddress(int index) throws UnknownHostException {
    int k = index % Math.max(1, plan.sourceAddresses());
    return InetAddress.getByAddress(new byte[] {127, 1, (byte) (k / 250), (byte) (k % 250 + 1)});
  }

  /** The stalled and flooding sessions, in the first channel, once everyone else is in. */
  private void addTroublemakers() throws InterruptedException {
    if (target == Target.BASELINE) {
      return; // the baseline has no defence against either: it is not what is measured there
    }
    int index = plan.members();
    for (int i = 0; i < plan.stalled() + plan.flooders(); i++, index++) {
      boolean stalls = i < plan.stalled();
      BenchSession session =
          new BenchSession(
              index,
              plan.sessions() > 0 ? plan.channelOf(0) : plan.sshChannelOf(0),
              plan.mode().character(index),
              stalls ? BenchSession.Role.STALLED : BenchSession.Role.FLOODER);
      try {
        open(session, index);
      } catch (IOException e) {
        fail(session, e);
        continue;
      }
      troublemakers.add(session);
      if (stalls) {
        session.stall();
      } else {
        Thread.ofVirtual().name("bench-flood").start(() -> flood(session));
      }
    }
  }

  private void flood(BenchSession session) {
    long n = 0;
    while (session.isOpen() && !finished) {
      session.send("flood " + n++ + " the quick brown fox jumps over the lazy dog");
    }
  }

  // ---- sending ----

  private record Sent(long messages, long expected, double cores, double clientCores) {}

  /**
   * Members by door, then by channel, in a fixed order; channels nobody got into are left out. Each
   * door's members are in channels of their own, so a message goes to one door's members only.
   */
  private Map<Plan.Door, List<List<Member>>> channelMembers() {
    Map<Plan.Door, List<List<Member>>> byDoor = new EnumMap<>(Plan.Door.class);
    for (Plan.Door door : Plan.Door.values()) {
      Map<String, List<Member>> byChannel = new TreeMap<>();
      for (Member member : members) {
        if (member.door() == door) {
          byChannel.computeIfAbsent(member.channel(), c -> new ArrayList<>()).add(member);
        }
      }
      if (!byChannel.isEmpty()) {
        List<List<Member>> channels = new ArrayList<>();
        for (List<Member> in : byChannel.values()) {
          in.sort((a, b) -> Integer.compare(a.index(), b.index()));
          channels.add(in);
        }
        byDoor.put(door, channels);
      }
    }
    return byDoor;
  }

  /** Sends {@code load}'s messages (its rate, warm-up, duration, size) to the members. */
  private Sent send(Plan load, Map<Plan.Door, List<List<Member>>> byDoor, ChurnRun churn)
      throws InterruptedException {
    long start = System.nanoTime();
    measureStart = start + load.warmup().toNanos();
    measureEnd = measureStart + load.duration().toNanos();
    if (churn != null) {
      churn.start(start, measureStart, measureEnd);
    }
    Thread reporter = reporter(() -> sendLine(start));
    Thread sampler = load.heapEvery().isZero() ? null : heapSampler();
    long messages = 0;
    long expected = 0;
    long cpuStart = -1;
    long clientStart = -1;
    long[] sentBy = new long[Plan.Door.values().length]; // each door's own round robin
    Plan.Door slice = null; // the door whose slice is being measured
    long sliceCpu = 0;
    long sliceStart = 0;
    long period = load.rate() == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / load.rate();
    try {
      for (long i = 0; ; i++) {
        long due;
        if (period > 0) {
          due = start + i * period;
          if (due >= measureEnd) {
            break;
          }
          parkUntil(due);
        } else {
          while (expectedAll.get() - deliveredAll.sum() > load.window()) {
            LockSupport.parkNanos(20_000);
          }
          due = System.nanoTime();
          if (due >= measureEnd) {
            break;
          }
        }
        if (cpuStart < 0 && due >= measureStart) {
          cpuStart = server.cpuNanos();
          clientStart = ownCpuNanos();
        }
        Plan.Door door = load.door(due - measureStart);
        if (!byDoor.containsKey(door)) {
          door = byDoor.keySet().iterator().next(); // every member of the other door failed
        }
        if (due >= measureStart && door != slice) {
          // a new slice: the server's CPU since the last switch was spent on the last door's
          long cpu = server.cpuNanos();
          long now = System.nanoTime();
          if (slice != null) {
            account(slice, cpu - sliceCpu, now - sliceStart);
          }
          slice = door;
          sliceCpu = cpu;
          sliceStart = now;
        }
        List<List<Member>> channels = byDoor.get(door);
        long k = sentBy[door.ordinal()]++;
        List<Member> channel = channels.get((int) (k % channels.size()));
        Member sender = channel.get((int) ((k / channels.size()) % channel.size()));
        int receivers = channel.size() - 1;
        expectedAll.addAndGet(receivers);
        if (due >= measureStart) {
          messages++;
          expected += receivers;
          doors[door.ordinal()].expected += receivers;
        }
        sender.send(ClientStream.message(due, sender.index(), load.messageBytes()));
      }
    } finally {
      reporter.interrupt();
      if (sampler != null) {
        sampler.interrupt();
      }
    }
    long cpuEnd = server.cpuNanos();
    long clientEnd = ownCpuNanos();
    if (slice != null) {
      account(slice, cpuEnd - sliceCpu, System.nanoTime() - sliceStart);
    }
    double wall = Math.max(1, System.nanoTime() - measureStart);
    double cores = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / wall;
    double clientCores = clientStart < 0 ? -1 : (clientEnd - clientStart) / wall;
    progress.println(sendLine(start));
    return new Sent(messages, expected, cores, clientCores);
  }

  /**
   * The server's CPU with every session in and nobody sending (keepalives, timers, the collector):
   * what each door's slices pay anyway, so their CPU per delivery can be compared above it.
   */
  private double idleCores() throws InterruptedException {
    long cpu = server.cpuNanos();
    long start = System.nanoTime();
    Thread.sleep(IDLE_SAMPLE);
    long end = server.cpuNanos();
    return cpu < 0 || end < 0 ? -1 : (end - cpu) / (double) (System.nanoTime() - start);
  }

  /** Adds one slice's server CPU and time to its door. */
  private void account(Plan.Door door, long cpuNanos, long wallNanos) {
    DoorCount count = doors[door.ordinal()];
    count.sliceNanos += wallNanos;
    if (server.observable()) {
      count.cpuNanos = Math.max(0, count.cpuNanos) + cpuNanos;
    }
  }

  /** Called by the reader threads for each marker from someone else to a member of {@code door}. */
  private void delivered(long sentNanos, int sender, DoorCount door) {
    deliveredAll.increment();
    if (sentNanos >= measureStart && sentNanos < measureEnd) {
      long now = System.nanoTime();
      long latencyNanos = Math.max(0, now - sentNanos);
      delivered.increment();
      recorder.recordValue(latencyNanos);
      door.delivered.increment();
      door.recorder.recordValue(latencyNanos);
      lastDelivery.accumulate(now);
    }
  }

  private String sendLine(long start) {
    Histogram interval;
    synchronized (latency) {
      interval = recorder.intervalHistogram();
      latency.add(interval);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean warm = System.nanoTime() < measureStart;
    return String.format(
        Locale.ROOT,
        "[%s %5.1f s] %d deliveries so far, last interval p99 %.2f ms, %d sessions open",
        warm ? "warm-up" : "send",
        seconds,
        deliveredAll.sum(),
        interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99) / 1e6,
        members.stream().filter(Member::isOpen).count());
  }

  private Thread heapSampler() {
    long start = System.nanoTime();
    return Thread.ofPlatform()
        .daemon()
        .name("bench-heap")
        .start(
            () -> {
              try {
                while (true) {
                  Thread.sleep(plan.heapEvery());
                  long bytes = server.liveHeap();
                  heapSamples.add(
                      new BenchResult.HeapSample((System.nanoTime() - start) / 1e9, bytes));
                }
              } catch (InterruptedException e) {
                // sending is over
              } catch (RuntimeException e) {
                progress.println("heap sampling stopped: " + e);
              }
            });
  }

  /** Waits for the deliveries still on their way, until none has arrived for a while. */
  private void drain() throws InterruptedException {
    long seen = -1;
    long idleSince = System.nanoTime();
    while (deliveredAll.sum() < expectedAll.get()) {
      long now = deliveredAll.sum();
      if (now != seen) {
        seen = now;
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince > DRAIN_IDLE.toNanos()) {
        break;
      }
      Thread.sleep(50);
    }
    synchronized (latency) {
      latency.add(recorder.intervalHistogram());
    }
  }

  // ---- helpers ----

  private Thread reporter(java.util.function.Supplier<String> line) {
    return Thread.ofPlatform()
        .daemon()
        .name("bench-progress")
        .start(
            () -> {
              try {
                while (true) {
                  Thread.sleep(2000);
                  progress.println(line.get());
                }
              } catch (InterruptedException e) {
                // done
              }
            });
  }

  /** CPU time of this process, the load client, which shares the machine with the server. */
  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
