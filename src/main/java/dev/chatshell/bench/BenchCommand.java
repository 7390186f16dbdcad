package dev.chatshell.bench;

import dev.chatshell.colour.Colours;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatshell bench}: a load client for chatshell. It starts a server in a child JVM (or uses
 * one given with {@code --connect}), opens sessions from many loopback addresses, logs them in,
 * spreads them over channels, sends at a rate for a time and reports sessions held, the server's
 * heap, deliveries per second and delivery latency. With {@code --against both} it runs the same
 * load against a bare-socket fan-out server too and prints the ratio.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = dev.chatshell.Version.Provider.class,
    sortOptions = false,
    description = {
      "Load-test a chatshell server: sessions held, server heap, fan-out and delivery latency.",
      "Each run writes <results>/<stem>.json and a latency histogram <stem>.hgrm (milliseconds).",
      "Give the bench JVM room: 19,000 sessions want about -Xmx2g."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The runs completed (read the report for what they measured).",
      "1:A server could not be started or reached.",
      "2:Bad command line."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--sessions", paramLabel = "N", description = "Sessions to open (default 100).")
  int sessions = 100;

  @Option(
      names = "--channels",
      paramLabel = "M",
      description = "Channels to spread them over (default 1).")
  int channels = 1;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "plain (refuse telnet options, like nc), char (a JLine shell each, like netkit telnet)"
              + " or mixed (default char).")
  String mode = "char";

  @Option(
      names = "--transport",
      paramLabel = "DOOR",
      description =
          "telnet (every member a telnet session) or ssh: --sessions SSH members (a pty each,"
              + " logged in with a key of its own) next to --telnet-sessions telnet members, each"
              + " door in channels of its own; while sending, telnet and SSH take turns of 5 s,"
              + " and the report gives each door's heap per session, deliveries/s, latency and"
              + " server CPU per delivery, and the SSH logins per second (default telnet).")
  String transport = "telnet";

  @Option(
      names = "--telnet-sessions",
      paramLabel = "N",
      description =
          "With --transport ssh: telnet members next to the SSH ones (default: as many as"
              + " --sessions; 0 for SSH alone).")
  Integer telnetSessions;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description =
          "Messages per second over all channels, or 'max' to send as fast as deliveries keep up"
              + " (default 10).")
  String rate = "10";

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      description =
          "How long to measure: 90, 90s, 500ms, 10m (default 30s); 0 only holds sessions.")
  String duration = "30s";

  @Option(
      names = "--warmup",
      paramLabel = "TIME",
      description = "Sending before measuring (default 5s).")
  String warmup = "5s";

  @Option(
      names = "--ramp-rate",
      paramLabel = "N",
      description = "Sessions opened per second (default 1000).")
  int rampRate = 1000;

  @Option(
      names = "--message-bytes",
      paramLabel = "N",
      description = "Length of each message (default 64).")
  int messageBytes = 64;

  @Option(
      names = "--stalled",
      paramLabel = "N",
      description = "Extra sessions in the first channel that stop reading once in (default 0).")
  int stalled;

  @Option(
      names = "--flooders",
      paramLabel = "N",
      description =
          "Extra sessions in the first channel that send as fast as they can (default 0).")
  int flooders;

  @Option(
      names = "--churn",
      paramLabel = "N",
      description =
          "While sending, other clients make N membership changes a second, spread evenly over"
              + " joins and parts of registered channels, nick changes, grants and revokes"
              + " (written to the database); the report gives each kind's rate and answer times"
              + " (default 0: none).")
  int churn;

  @Option(
      names = "--churn-logins",
      paramLabel = "N",
      description =
          "With --churn: logins a second to registered accounts, each a new connection that logs"
              + " in and leaves (default: one for every 100 changes).")
  Double churnLogins;

  @Option(
      names = "--source-addresses",
      paramLabel = "N",
      description = "Loopback addresses 127.1.x.y to connect from (default 250).")
  int sourceAddresses = 250;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "With --rate max, deliveries that may be on their way at once (default 20000).")
  int window = 20_000;

  @Option(
      names = "--heap-every",
      paramLabel = "TIME",
      description =
          "Sample the server's live heap (after a full GC) this often while sending; 0 for never"
              + " (default 0).")
  String heapEvery = "0";

  @Option(
      names = "--hold",
      paramLabel = "TIME",
      description =
          "Keep the sessions open this long after measuring, to look at the server with jcmd or"
              + " a profiler (default 0).")
  String hold = "0";

  @Option(
      names = "--against",
      paramLabel = "WHAT",
      description =
          "chatshell, baseline (the bare-socket fan-out server) or both, one after the other"
              + " (default chatshell). With --protocol irc: a comma-separated list of chatshell,"
              + " ngircd, inspircd and ergo, run in that order in every round.")
  String against = "chatshell";

  @Option(
      names = "--protocol",
      paramLabel = "PROTO",
      description =
          "telnet (the default: members log in through the shell) or irc: members register with"
              + " NICK/USER, JOIN and say PRIVMSG, to chatshell's IRC door or to the other IRC"
              + " servers --against names; for each server the bench measures memory per idle"
              + " connection, the fixed-rate load, and the highest rate sustained (see --search-*).")
  String protocol = "telnet";

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "With --protocol irc: rounds, each running every server once (default 1).")
  int rounds = 1;

  @Option(
      names = "--idle-clients",
      paramLabel = "N",
      description =
          "With --protocol irc: idle clients for the memory measure, 0 to skip it (default"
              + " 10000).")
  int idleClients = 10_000;

  @Option(
      names = "--idle-channels",
      paramLabel = "M",
      description = "With --protocol irc: channels the idle clients are spread over (default 100).")
  int idleChannels = 100;

  @Option(
      names = "--idle-settle",
      paramLabel = "TIME",
      description =
          "With --protocol irc: how long each server is left idle before its memory is read, once"
              + " a fifth of the idle clients are in and once all are (default 10s).")
  String idleSettle = "10s";

  @Option(
      names = "--search-from",
      paramLabel = "R",
      description =
          "With --protocol irc: first rate (messages/s) of the search for the highest rate whose"
              + " p99 stays under --p99-limit; it doubles, then halves the gap; 0 skips the search"
              + " (default 50).")
  int searchFrom = 50;

  @Option(
      names = "--search-to",
      paramLabel = "R",
      description = "With --protocol irc: highest rate the search tries (default 3200).")
  int searchTo = 3200;

  @Option(
      names = "--search-refine",
      paramLabel = "N",
      description =
          "With --protocol irc: times the search halves the gap after a rate fails (default 2).")
  int searchRefine = 2;

  @Option(
      names = "--step-duration",
      paramLabel = "TIME",
      description = "With --protocol irc: measured time of each search step (default 10s).")
  String stepDuration = "10s";

  @Option(
      names = "--step-warmup",
      paramLabel = "TIME",
      description =
          "With --protocol irc: sending before each search step is measured (default 2s).")
  String stepWarmup = "2s";

  @Option(
      names = "--p99-limit",
      paramLabel = "TIME",
      description = "With --protocol irc: the p99 a sustained rate stays under (default 100ms).")
  String p99Limit = "100ms";

  @Option(
      names = "--ngircd",
      paramLabel = "PATH",
      description = "ngIRCd's program (default: ngircd on the PATH or in /usr/sbin).")
  String ngircd;

  @Option(
      names = "--inspircd",
      paramLabel = "PATH",
      description = "InspIRCd's program (default: inspircd on the PATH or in /usr/sbin).")
  String inspircd;

  @Option(
      names = "--ergo",
      paramLabel = "PATH",
      description =
          "Ergo's program, built from its source (no default: Debian's package named ergo is"
              + " another program).")
  String ergo;

  @Option(
      names = "--charts",
      paramLabel = "DIR",
      description =
          "With --protocol irc: draw the results as PNG files in DIR (p99 against delivery rate,"
              + " memory per idle connection).")
  Path charts;

  @Option(
      names = "--connect",
      paramLabel = "HOST:PORT",
      description = "Use a chatshell server already running instead of starting one.")
  String connect;

  @Option(
      names = "--server-pid",
      paramLabel = "PID",
      description = "With --connect: the server's process, to read its heap and CPU.")
  Long serverPid;

  @Option(
      names = "--server-java-opts",
      paramLabel = "OPTS",
      description =
          "JVM options for the servers the bench starts, e.g. \"-Xmx4g\"; a chatshell server gets"
              + " those of etc/jvm.options first, as 'serve' does.")
  String serverJavaOpts = "";

  @Option(
      names = "--server-setting",
      paramLabel = "KEY=VALUE",
      description = "A chatshell setting for the server the bench starts (repeatable).")
  Map<String, String> serverSettings = new LinkedHashMap<>();

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Where results and server logs go (default bench-results).")
  Path results = Path.of("bench-results");

  @Option(
      names = "--label",
      paramLabel = "NAME",
      description = "Name for the result files (default: the date and time).")
  String label;

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

  /** The load the options describe; throws a picocli error for what does not make sense. */
  Plan plan() {
    CommandLine line = spec.commandLine();
    Plan.Mode parsedMode;
    try {
      parsedMode = Plan.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          line, "--mode must be plain, char or mixed, not '" + mode + "'");
    }
    int parsedRate;
    if (rate.equalsIgnoreCase("max")) {
      parsedRate = 0;
    } else {
      parsedRate = positive("--rate", rate);
    }
    positive("--sessions", sessions);
    positive("--channels", channels);
    int sshMembers = sshSessions();
    int telnetMembers =
        sshMembers == 0 ? sessions : telnetSessions == null ? sessions : telnetSessions;
    positive("--ramp-rate", rampRate);
    positive("--source-addresses", sourceAddresses);
    positive("--window", window);
    if (sourceAddresses > 62_500) {
      throw new CommandLine.ParameterException(line, "--source-addresses is at most 62500");
    }
    if (channels > sessions) {
      throw new CommandLine.ParameterException(
          line, "--channels cannot be more than --sessions (" + sessions + ")");
    }
    if (telnetMembers > 0 && channels > telnetMembers) {
      throw new CommandLine.ParameterException(
          line, "--channels cannot be more than --telnet-sessions (" + telnetMembers + ")");
    }
    if (messageBytes < 48 || messageBytes > 4000) {
      throw new CommandLine.ParameterException(
          line, "--message-bytes must be from 48 (room for the timestamp) to 4000");
    }
    if (stalled < 0 || flooders < 0) {
      throw new CommandLine.ParameterException(line, "--stalled and --flooders cannot be negative");
    }
    ChurnPlan churnPlan = churnPlan();
    return new Plan(
        telnetMembers,
        channels,
        parsedMode,
        parsedRate,
        duration("--duration", duration),
        duration("--warmup", warmup),
        rampRate,
        messageBytes,
        stalled,
        flooders,
        sourceAddresses,
        window,
        duration("--heap-every", heapEvery),
        duration("--hold", hold),
        churnPlan,
        sshMembers);
  }

  /** SSH members the options ask for: {@code --sessions} with {@code --transport ssh}, else 0. */
  private int sshSessions() {
    CommandLine line = spec.commandLine();
    boolean ssh =
        switch (transport.toLowerCase(Locale.ROOT)) {
          case "telnet" -> false;
          case "ssh" -> true;
          default ->
              throw new CommandLine.ParameterException(
                  line, "--transport must be telnet or ssh, not '" + transport + "'");
        };
    if (!ssh && telnetSessions != null) {
      throw new CommandLine.ParameterException(line, "--telnet-sessions goes with --transport ssh");
    }
    if (telnetSessions != null && telnetSessions < 0) {
      throw new CommandLine.ParameterException(line, "--telnet-sessions cannot be negative");
    }
    return ssh ? sessions : 0;
  }

  /** The churn the options ask for; {@link ChurnPlan#NONE} without {@code --churn}. */
  private ChurnPlan churnPlan() {
    CommandLine line = spec.commandLine();
    if (churn < 0 || churn > 100_000) {
      throw new CommandLine.ParameterException(line, "--churn must be from 0 to 100000");
    }
    if (churnLogins != null && churn == 0) {
      throw new CommandLine.ParameterException(line, "--churn-logins goes with --churn");
    }
    double logins = churnLogins != null ? churnLogins : ChurnPlan.defaultLogins(churn);
    if (!(logins >= 0 && logins <= 1000)) {
      throw new CommandLine.ParameterException(line, "--churn-logins must be from 0 to 1000");
    }
    return churn == 0 ? ChurnPlan.NONE : new ChurnPlan(churn, logins);
  }

  /** The servers to run against, in order. */
  List<Target> targets() {
    if (transport.equalsIgnoreCase("ssh") && !against.equalsIgnoreCase("chatshell")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--transport ssh is for chatshell: use --against chatshell");
    }
    if (churn > 0 && !against.equalsIgnoreCase("chatshell")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--churn is for chatshell: use --against chatshell");
    }
    return switch (against.toLowerCase(Locale.ROOT)) {
      case "chatshell" -> List.of(Target.CHATSHELL);
      case "baseline" -> List.of(Target.BASELINE);
      case "both" -> List.of(Target.CHATSHELL, Target.BASELINE);
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--against must be chatshell, baseline or both, not '" + against + "'");
    };
  }

  /** Parses {@code 90}, {@code 90s}, {@code 500ms}, {@code 10m} or {@code 1h}. */
  Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option + " must be a time such as 90, 90s, 500ms or 10m, not '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private int positive(String option, String text) {
    try {
      int value = Integer.parseInt(text.strip());
      return positive(option, value);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be a whole number or 'max', not '" + text + "'");
    }
  }

  private int positive(String option, int value) {
    if (value <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be at least 1, not " + value);
    }
    return value;
  }

  /** Settings for the chatshell server the bench starts: sized for the load, quiet, local. */
  Map<String, String> serverSettings(Plan plan, Path work) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bind", "127.0.0.1");
    settings.put("console", "false");
    settings.put("data.dir", work.resolve("var").toAbsolutePath().toString());
    settings.put("commands.dir", work.resolve("commands").toAbsolutePath().toString());
    settings.put("motd.file", work.resolve("motd.txt").toAbsolutePath().toString());
    int total =
        plan.members() + plan.stalled() + plan.flooders() + plan.churn().sessionsAtMost() + 10;
    settings.put("limits.connections", String.valueOf(Math.max(total, 19_000)));
    settings.put("limits.connections-per-address", "1000000");
    // The SSH door only when SSH members come (ServerProcess gives it a free port): never 2222,
    // which a server already running here may hold.
    settings.put("ssh.port", "0");
    settings.put("irc.port", "0");
    settings.put("irc.tls-port", "0");
    settings.put("http.port", "0");
    settings.putAll(serverSettings);
    return settings;
  }

  /** Whether the options ask for the IRC comparison. */
  boolean irc() {
    return switch (protocol.toLowerCase(Locale.ROOT)) {
      case "telnet" -> false;
      case "irc" -> true;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--protocol must be telnet or irc, not '" + protocol + "'");
    };
  }

  /** The servers of an IRC comparison, in the order given. */
  List<Target> ircTargets() {
    List<Target> targets = new ArrayList<>();
    for (String name : against.split(",")) {
      Target target =
          switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "chatshell" -> Target.CHATSHELL;
            case "ngircd" -> Target.NGIRCD;
            case "inspircd" -> Target.INSPIRCD;
            case "ergo" -> Target.ERGO;
            default ->
                throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--against with --protocol irc takes chatshell, ngircd, inspircd and ergo,"
                        + " not '"
                        + name.strip()
                        + "'");
          };
      if (targets.contains(target)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--against names " + target.label() + " twice");
      }
      targets.add(target);
    }
    return targets;
  }

  /** The IRC comparison the options describe; throws a picocli error for what does not fit. */
  IrcComparison.Setup ircSetup(Path resultsDir, String stem) {
    CommandLine line = spec.commandLine();
    CommandLine.ParseResult given = line.getParseResult();
    if (transport.equalsIgnoreCase("ssh") || churn > 0 || stalled > 0 || flooders > 0) {
      throw new CommandLine.ParameterException(
          line,
          "--protocol irc measures IRC members alone: no --transport ssh, --churn,"
              + " --stalled or --flooders");
    }
    if (connect != null) {
      throw new CommandLine.ParameterException(
          line, "--protocol irc starts every server itself: no --connect");
    }
    if (given != null && !given.hasMatchedOption("--sessions")) {
      sessions = 1000; // the issue's load: 1,000 members in one channel, 100 messages a second
    }
    if (given != null && !given.hasMatchedOption("--rate")) {
      rate = "100";
    }
    if (rate.equalsIgnoreCase("max")) {
      throw new CommandLine.ParameterException(line, "--protocol irc needs a --rate in messages/s");
    }
    if (messageBytes > 400) {
      throw new CommandLine.ParameterException(
          line, "--message-bytes is at most 400 with --protocol irc (a line is 512 bytes)");
    }
    if (rounds < 1 || idleClients < 0 || idleChannels < 1 || searchFrom < 0 || searchRefine < 0) {
      throw new CommandLine.ParameterException(
          line,
          "--rounds and --idle-channels are at least 1; --idle-clients, --search-from and"
              + " --search-refine cannot be negative");
    }
    if (searchFrom > 0 && searchTo < searchFrom) {
      throw new CommandLine.ParameterException(line, "--search-to is below --search-from");
    }
    if (idleClients > 0 && idleChannels > idleClients) {
      throw new CommandLine.ParameterException(line, "--idle-channels is more than --idle-clients");
    }
    List<Target> targets = ircTargets();
    Map<Target, String> binaries = new java.util.EnumMap<>(Target.class);
    for (Target target : targets) {
      if (target.peer()) {
        binaries.put(target, program(target));
      }
    }
    Plan base = plan();
    Plan load =
        new Plan(
            base.sessions(),
            base.channels(),
            Plan.Mode.PLAIN,
            base.rate(),
            base.duration(),
            base.warmup(),
            base.rampRate(),
            base.messageBytes(),
            0,
            0,
            base.sourceAddresses(),
            base.window(),
            Duration.ZERO,
            Duration.ZERO,
            ChurnPlan.NONE,
            0,
            Plan.Door.IRC);
    if (load.duration().isZero()) {
      throw new CommandLine.ParameterException(line, "--duration cannot be 0 with --protocol irc");
    }
    Plan idle = load.with(idleClients, Math.max(1, idleChannels), 1, Duration.ZERO, Duration.ZERO);
    List<String> options =
        serverJavaOpts.isBlank() ? List.of() : Arrays.asList(serverJavaOpts.strip().split("\\s+"));
    return new IrcComparison.Setup(
        targets,
        rounds,
        idle,
        duration("--idle-settle", idleSettle),
        load,
        searchFrom,
        searchTo,
        searchRefine,
        duration("--step-warmup", stepWarmup),
        duration("--step-duration", stepDuration),
        duration("--p99-limit", p99Limit).toNanos() / 1e6,
        binaries,
        options,
        (plan, work) -> {
          Map<String, String> settings = serverSettings(plan, work);
          settings.putAll(PeerConfigs.chatshellIrc());
          settings.putAll(serverSettings); // --server-setting has the last word
          return settings;
        },
        resultsDir,
        stem);
  }

  /** A peer's program: the option's, or the first found on the PATH or in the sbin folders. */
  private String program(Target target) {
    String given =
        switch (target) {
          case NGIRCD -> ngircd;
          case INSPIRCD -> inspircd;
          case ERGO -> ergo;
          default -> null;
        };
    if (given != null) {
      if (!Files.isExecutable(Path.of(given))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--" + target.label() + " " + given + " is not a program");
      }
      return given;
    }
    if (target == Target.ERGO) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--against ergo needs --ergo PATH: Ergo built from its source (BENCHMARKS.md says how)");
    }
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(Arrays.asList(path.split(java.io.File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
    for (String dir : dirs) {
      Path candidate = Path.of(dir, target.label());
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        target.label()
            + " is not installed (apt-get install "
            + target.label()
            + "), or give --"
            + target.label()
            + " PATH");
  }

  /** The IRC comparison: runs it, prints the table, writes the JSON and the charts. */
  private int callIrc(PrintStream out, PrintStream progress, String stem) throws Exception {
    IrcComparison.Setup setup = ircSetup(results, stem);
    ComparisonReport report = new IrcComparison(setup, progress).run();
    Files.createDirectories(results);
    Path json = results.resolve(stem + "-irc.json");
    Files.writeString(json, report.json());
    out.println();
    out.println(
        Colours.out()
            .strong(
                String.format(
                    Locale.ROOT,
                    "IRC comparison: %d idle clients in %d channels; %d members in %d channel(s) at"
                        + " %d messages/s for %d s; search from %d msg/s, p99 under %.0f ms;"
                        + " %d round(s)",
                    setup.idle().sessions(),
                    setup.idle().channels(),
                    setup.load().sessions(),
                    setup.load().channels(),
                    setup.load().rate(),
                    setup.load().duration().toSeconds(),
                    setup.searchFrom(),
                    setup.p99LimitMillis(),
                    setup.rounds())));
    report.table().forEach(out::println);
    out.println(Colours.out().faint("  results: " + json));
    if (charts != null) {
      String subtitle =
          String.format(
              Locale.ROOT,
              "%,d members in %,d channel(s); idle: %,d clients in %,d channels, memory from a"
                  + " fifth to all, each settled %d s; median of %d round(s)",
              setup.load().sessions(),
              setup.load().channels(),
              setup.idle().sessions(),
              setup.idle().channels(),
              setup.idleSettle().toSeconds(),
              setup.rounds());
      for (Path file : BenchCharts.write(report, charts, subtitle, setup.p99LimitMillis())) {
        out.println(Colours.out().faint("  chart: " + file));
      }
    }
    out.flush();
    return report.summaries().stream().allMatch(s -> s.error() == null) ? 0 : 1;
  }

  @Override
  public Integer call() throws Exception {
    if (irc()) {
      String stem =
          label != null
              ? label
              : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      return callIrc(System.out, System.err, stem);
    }
    Plan plan = plan();
    List<Target> targets = targets();
    if (connect != null && targets.contains(Target.BASELINE)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--connect is for a chatshell server: use --against chatshell");
    }
    if (connect != null && plan.sshSessions() > 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--transport ssh needs the server the bench starts: it opens the server's SSH door");
    }
    if (connect != null && plan.churn().active()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--churn needs the server the bench starts: it puts the churn's accounts in its database");
    }
    PrintStream out = System.out;
    PrintStream progress = System.err;
    String stem =
        label != null
            ? label
            : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    List<BenchResult> done = new ArrayList<>();
    for (Target target : targets) {
      String name = stem + "-" + target.name().toLowerCase(Locale.ROOT);
      Path work = results.resolve(name + "-server");
      progress.println(
          Colours.err().strong("chatshell bench: " + target.name().toLowerCase(Locale.ROOT))
              + " ...");
      BenchResult result;
      try (ServerProcess server = server(target, plan, work)) {
        LoadRun run = new LoadRun(plan, target, server, progress);
        result = run.run();
        for (String reason : run.failureReasons()) {
          progress.println(Colours.err().warning("  login failure: " + reason));
        }
      } catch (IOException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Colours.err().error("chatshell bench: " + e.getMessage()));
        err.flush();
        return 1;
      }
      done.add(result);
      Path json = result.write(results, name);
      List<String> summary = result.summary(); // its first line names the target
      out.println(Colours.out().strong(summary.get(0)));
      summary.subList(1, summary.size()).forEach(out::println);
      out.println(Colours.out().faint("  results: " + json + " (histogram: " + name + ".hgrm)"));
    }
    if (done.size() == 2) {
      out.println(Colours.out().strong(ratioLine(done.get(0), done.get(1))));
    }
    out.flush();
    return 0;
  }

  /** The line comparing chatshell with the baseline. */
  static String ratioLine(BenchResult chatshell, BenchResult baseline) {
    double base = baseline.deliveriesPerSecond();
    double ratio = base <= 0 ? 0 : chatshell.deliveriesPerSecond() / base;
    return String.format(
        Locale.ROOT,
        "chatshell/baseline deliveries per second: %.0f / %.0f = %.0f %%; p99 %.2f ms vs %.2f ms",
        chatshell.deliveriesPerSecond(),
        base,
        ratio * 100,
        chatshell.percentileMillis(99),
        baseline.percentileMillis(99));
  }

  private ServerProcess server(Target target, Plan plan, Path work)
      throws IOException, InterruptedException {
    if (connect != null) {
      int colon = connect.lastIndexOf(':');
      if (colon < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--connect must be HOST:PORT, not '" + connect + "'");
      }
      return ServerProcess.existing(
          new InetSocketAddress(
              connect.substring(0, colon),
              positive("--connect port", connect.substring(colon + 1))),
          serverPid);
    }
    List<String> options =
        serverJavaOpts.isBlank() ? List.of() : Arrays.asList(serverJavaOpts.strip().split("\\s+"));
    // The server refuses a motd.file that does not exist: the bench's is one short line.
    Files.createDirectories(work);
    Files.writeString(work.resolve("motd.txt"), "chatshell bench\n");
    Map<String, String> settings = serverSettings(plan, work);
    if (target == Target.CHATSHELL && plan.churn().active()) {
      ChurnAccounts.seed(plan.churn(), settings, work);
    }
    int sshPort = 0;
    if (target == Target.CHATSHELL && plan.sshSessions() > 0) {
      sshPort = freePort();
      settings.put("ssh.port", String.valueOf(sshPort));
    }
    return ServerProcess.start(target, freePort(), sshPort, 0, options, settings, work);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
