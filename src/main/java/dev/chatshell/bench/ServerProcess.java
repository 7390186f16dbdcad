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
 * loopback port, or a server already running elsewhere. For a local process the bench attaches
 * through JMX to read its heap and CPU time, which the load clients cannot see from outside.
 */
final class ServerProcess implements AutoCloseable {
  private final InetSocketAddress address;
  private InetSocketAddress sshAddress; // null: no SSH door
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
   * @param settings chatshell settings written to its configuration file (ignored for the baseline)
   */
  static ServerProcess start(
      Target target,
      int port,
      int sshPort,
      List<String> javaOptions,
      Map<String, String> settings,
      Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(javaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    if (target == Target.CHATSHELL) {
      Path config = work.resolve("bench-server.properties");
      StringBuilder text = new StringBuilder("# written by chatshell bench\n");
      settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
      Files.writeString(config, text);
      command.add("-Dchatshell.home=" + work.toAbsolutePath());
      command.add("dev.chatshell.cli.Main");
      command.addAll(List.of("serve", "--config", config.toString(), "--port", "" + port));
    } else {
      command.add(BareFanoutServer.class.getName());
      command.add(String.valueOf(port));
    }
    Path log = work.resolve(target.name().toLowerCase() + "-server.log");
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
      server.attach(process.pid());
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

  /** Where its SSH door listens; null when it has none. */
  InetSocketAddress sshAddress() {
    return sshAddress;
  }

  /** True when the bench can read the server's memory and CPU. */
  boolean observable() {
    return memory != null;
  }

  /** Heap in use after a full collection: what the server really holds, in bytes; -1 if unknown. */
  long liveHeap() {
    if (memory == null) {
      return -1;
    }
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** CPU time the server process has used, in nanoseconds; -1 if unknown. */
  long cpuNanos() {
    return os == null ? -1 : os.getProcessCpuTime();
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
