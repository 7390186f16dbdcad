package dev.chatshell.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server under test: a child JVM the bench starts (chatshell or the bare baseline) on a free
 * loopback port, another IRC server it starts (ngIRCd, InspIRCd, Ergo), or a server already running
 * elsewhere. For a local JVM the bench attaches through JMX to read its heap and CPU time, which
 * the load clients cannot see from outside; for any process it started it reads the CPU time and
 * resident memory from {@code /proc}, the same way for every server.
 */
final class ServerProcess implements AutoCloseable {
  /** Clock ticks per second in {@code /proc/<pid>/stat}: USER_HZ, 100 on every Linux port. */
  private static final long TICKS_PER_SECOND = 100;

  private final InetSocketAddress address;
  private InetSocketAddress sshAddress; // null: no SSH door
  private InetSocketAddress ircAddress; // null: no IRC door
  private final Process process; // null for a server the bench did not start
  private final Path log;
  private JMXConnector jmx;
  private MemoryMXBean memory;
  private OperatingSystemMXBean os;

  private ServerProcess(InetSocketAddress address, Process process, Path log) {
    this.address = address;
    this.process = process;
    this.log = log;
  }

  /** A server that is already running; {@code pid}, if known, lets the bench read its memory. */
  static ServerProcess existing(InetSocketAddress address, Long pid) throws IOException {
    try (Socket probe = new Socket()) {
      probe.connect(address, 5000);
    } catch (IOException e) {
      throw new IOException("cannot reach " + address + ": " + e.getMessage(), e);
    }
    ServerProcess server = new ServerProcess(address, null, null);
    if (pid != null) {
      server.attach(pid);
    }
    return server;
  }

  /**
   * Starts a server in a child JVM with this JVM's class path, and waits until it accepts
   * connections.
   *
   * @param sshPort the port of its SSH door, also waited for; 0 when it has none
   * @param ircPort the port of its IRC door ({@code serve --irc-port}), also waited for; 0: none
   * @param javaOptions JVM options; chatshell's come after those of the installation's {@link
   *     JvmOptions#FILE}
   * @param settings chatshell settings written to its configuration file (ignored for the baseline)
   */
  static ServerProcess start(
      Target target,
      int port,
      int sshPort,
      int ircPort,
      List<String> javaOptions,
      Map<String, String> settings,
      Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // chatshell runs with the options it runs with when served (etc/jvm.options), the baseline
    // with only those given
    command.addAll(
        target == Target.CHATSHELL
            ? JvmOptions.merge(JvmOptions.read(JvmOptions.home()), javaOptions)
            : javaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    if (target == Target.CHATSHELL) {
      // as the launcher's jar allows it (its manifest): SQLite's library, plain IRC's system calls
      command.add("--enable-native-access=ALL-UNNAMED");
      Path config = work.resolve("bench-server.properties");
      StringBuilder text = new StringBuilder("# written by chatshell bench\n");
      settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
      Files.writeString(config, text);
      command.add("-Dchatshell.home=" + work.toAbsolutePath());
      command.add("dev.chatshell.cli.Main");
      command.addAll(List.of("serve", "--config", config.toString(), "--port", "" + port));
      if (ircPort > 0) {
        command.addAll(List.of("--irc-port", String.valueOf(ircPort)));
      }
    } else {
      command.add(BareFanoutServer.class.getName());
      command.add(String.valueOf(port));
    }
    Path log = work.resolve(target.label() + "-server.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
            .start();
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    ServerProcess server = new ServerProcess(address, process, log);
    try {
      server.awaitListening(address);
      if (sshPort > 0) {
        server.sshAddress = new InetSocketAddress("127.0.0.1", sshPort);
        server.awaitListening(server.sshAddress);
      }
      if (ircPort > 0) {
        server.ircAddress = new InetSocketAddress("127.0.0.1", ircPort);
        server.awaitListening(server.ircAddress);
      }
      server.attach(process.pid());
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Starts another IRC server with {@code command} in {@code work} (its configuration already
   * written there), its output in {@code <target>-server.log}, and waits until it accepts
   * connections on {@code port}.
   */
  static ServerProcess startPeer(Target target, List<String> command, int port, Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path log = work.resolve(target.label() + "-server.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
    } catch (IOException e) {
      throw new IOException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
    }
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    ServerProcess server = new ServerProcess(address, process, log);
    server.ircAddress = address;
    try {
      server.awaitListening(address);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private void awaitListening(InetSocketAddress address) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException(
            "the server exited with code " + process.exitValue() + "; its output is in " + log);
      }
      try (Socket probe = new Socket()) {
        probe.connect(address, 1000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("the server did not listen within 60 s; its output is in " + log);
        }
        Thread.sleep(100);
      }
    }
  }

  private void attach(long pid) throws IOException {
    String url;
    try {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
      try {
        url = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
    } catch (com.sun.tools.attach.AttachNotSupportedException e) {
      throw new IOException("cannot attach to process " + pid + ": " + e.getMessage(), e);
    }
    jmx = JMXConnectorFactory.connect(new JMXServiceURL(url));
    MBeanServerConnection connection = jmx.getMBeanServerConnection();
    memory =
        ManagementFactory.newPlatformMXBeanProxy(
            connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    os =
        ManagementFactory.newPlatformMXBeanProxy(
            connection,
            ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
            OperatingSystemMXBean.class);
  }

  InetSocketAddress address() {
    return address;
  }

  /** Where its IRC door listens; null when it has none. */
  InetSocketAddress ircAddress() {
    return ircAddress;
  }

  /** Where its SSH door listens; null when it has none. */
  InetSocketAddress sshAddress() {
    return sshAddress;
  }

  /** True when the bench can read the server's CPU (and, for a JVM, its heap). */
  boolean observable() {
    return os != null || procCpuNanos() >= 0;
  }

  /** Heap in use after a full collection: what the server really holds, in bytes; -1 if unknown. */
  long liveHeap() {
    if (memory == null) {
      return -1;
    }
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * CPU time the server process has used, in nanoseconds; -1 if unknown. A JVM's comes through JMX
   * (the kernel's figure, to the nanosecond), another server's from {@code /proc}.
   */
  long cpuNanos() {
    return os != null ? os.getProcessCpuTime() : procCpuNanos();
  }

  /** utime + stime of the process the bench started, from {@code /proc}; -1 if unknown. */
  private long procCpuNanos() {
    if (process == null) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      return cpuTicks(stat) * (1_000_000_000L / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * User plus system time in clock ticks from the text of {@code /proc/<pid>/stat}: fields 14 and
   * 15, counted after the command name, which is in parentheses and may itself hold spaces.
   */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
    // fields[0] is field 3 (the state), so utime (14) and stime (15) are at 11 and 12
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * Resident memory of the process the bench started, in bytes, from {@code /proc}; -1 if unknown.
   */
  long rssBytes() {
    if (process == null) {
      return -1;
    }
    try {
      return residentBytes(
          Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The {@code VmRSS} line of {@code /proc/<pid>/status}, in bytes; -1 when there is none. */
  static long residentBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).strip().split("\\s+");
        return Long.parseLong(parts[0]) * 1024; // always in kB
      }
    }
    return -1;
  }

  /** The process id of the server the bench started, or -1. */
  long pid() {
    return process == null ? -1 : process.pid();
  }

  /** Where the child's output went, or null. */
  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (jmx != null) {
      try {
        jmx.close();
      } catch (IOException e) {
        // the process is going away anyway
      }
    }
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
