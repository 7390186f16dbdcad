package dev.chatshell.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurations the bench writes for the IRC servers it compares chatshell with. Each listens
 * on one plaintext loopback port and has every protection that would throttle the bench by design
 * lifted: connections per address (every bench client comes from one of 250 loopback addresses),
 * the connection backlog and registration throttles, and flood control (fake lag, command
 * penalties). Everything else is the server's default, so what is measured is the server as its
 * users run it. Lookups that would wait on the network (DNS, ident) are off, as they are for
 * chatshell, which makes none.
 */
final class PeerConfigs {
  /** Send queue for every client where the server has a setting for it: room, never a limit. */
  static final int SENDQ_BYTES = 1 << 20;

  private PeerConfigs() {}

  /**
   * How to start one server: the command line, and the files to write (by name, in its work
   * directory) before it starts.
   */
  record Launch(List<String> command, Map<String, String> files) {}

  /**
   * ngIRCd: no connection limit at all, none per address, no limit of channels per user, and no
   * command penalties ({@code MaxPenaltyTime = 0}: ngIRCd otherwise delays a client by a second or
   * two per command it counts as costly); in the foreground ({@code -n}). No PID file: started as
   * root, ngIRCd runs as nobody, who could not write one in the work directory.
   */
  static Launch ngircd(String binary, int port, Path work) {
    String conf =
        """
        # written by chatshell bench
        [Global]
        \tName = ngircd.bench
        \tInfo = chatshell bench
        \tAdminInfo1 = chatshell bench
        \tAdminInfo2 = loopback only
        \tAdminEMail = bench@localhost
        \tListen = 127.0.0.1
        \tPorts = %d
        \tMotdPhrase = chatshell bench
        [Limits]
        \tMaxConnections = 0
        \tMaxConnectionsIP = 0
        \tMaxJoins = 0
        \tMaxPenaltyTime = 0
        \tMaxNickLength = 16
        \tPingTimeout = 120
        \tPongTimeout = 60
        [Options]
        \tDNS = no
        \tIdent = no
        \tPAM = no
        """
            .formatted(port);
    Path config = work.toAbsolutePath().resolve("ngircd.conf");
    return new Launch(List.of(binary, "-n", "-f", config.toString()), files("ngircd.conf", conf));
  }

  /**
   * InspIRCd 3: a connect class for everyone with no per-address limits ({@code localmax}, {@code
   * globalmax}), no clone check at accept, a backlog of 4,096, command rate and penalty threshold
   * out of reach and fake lag off, a 1 MiB send queue, no host name lookup; {@code softlimit} sized
   * for the connections. In the foreground ({@code --nofork}); as root only when it has to be (it
   * refuses root without {@code --runasroot}).
   *
   * @param connections the most clients the run opens, for the soft limit
   * @param root whether the bench runs as root
   */
  static Launch inspircd(String binary, int port, Path work, int connections, boolean root) {
    String dir = work.toAbsolutePath().toString();
    String conf =
        """
        <server name="inspircd.bench" description="chatshell bench" network="bench">
        <admin name="chatshell bench" nick="bench" email="bench@localhost">
        <bind address="127.0.0.1" port="%d" type="clients">
        <connect name="bench" allow="*" timeout="60" pingfreq="120"
                 hardsendq="%d" softsendq="%d" recvq="65536"
                 threshold="1000000000" commandrate="1000000000" fakelag="no"
                 localmax="1000000" globalmax="1000000" maxconnwarn="no"
                 maxchans="1000" resolvehostnames="no" useident="no">
        <performance somaxconn="4096" softlimit="%d" clonesonconnect="no" quietbursts="yes">
        <files motd="%s/motd.txt">
        <pid file="%s/inspircd.pid">
        <log method="file" type="* -USERINPUT -USEROUTPUT" level="sparse" target="%s/inspircd.log">
        <options>
        <security>
        """
            .formatted(port, SENDQ_BYTES, SENDQ_BYTES, connections + 64, dir, dir, dir);
    Path config = work.toAbsolutePath().resolve("inspircd.conf");
    List<String> command = new ArrayList<>(List.of(binary, "--config", config.toString()));
    command.add("--nofork");
    if (root) {
      command.add("--runasroot");
    }
    Map<String, String> files = files("inspircd.conf", "# written by chatshell bench\n" + conf);
    files.put("motd.txt", "chatshell bench\n");
    return new Launch(List.copyOf(command), files);
  }

  /**
   * Ergo: no limit or throttle per address ({@code ip-limits}), no fake lag, no host name lookup or
   * ident, no cloaking, a 1 MiB send queue; account registration off (nobody registers); its
   * database and lock file in the work directory; logging to standard error at warnings only, so a
   * log line per connection costs nothing. Its in-memory history stays on, as by default.
   */
  static Launch ergo(String binary, int port, Path work) {
    String dir = work.toAbsolutePath().toString();
    String conf =
        """
        # written by chatshell bench
        network:
            name: bench
        server:
            name: ergo.bench
            listeners:
                "127.0.0.1:%d": {}
            casemapping: "ascii"
            lookup-hostnames: false
            check-ident: false
            max-sendq: 1M
            ip-limits:
                count: false
                throttle: false
            ip-cloaking:
                enabled: false
        accounts:
            registration:
                enabled: false
        channels:
            max-channels-per-client: 1000
        limits:
            nicklen: 32
            identlen: 20
            channellen: 64
            awaylen: 390
            kicklen: 390
            topiclen: 390
            monitor-entries: 100
            whowas-entries: 100
            chan-list-modes: 60
            registration-messages: 1024
        fakelag:
            enabled: false
        datastore:
            path: "%s/ircd.db"
        lock-file: "%s/ircd.lock"
        logging:
            - method: stderr
              type: "*"
              level: warn
        """
            .formatted(port, dir, dir);
    Path config = work.toAbsolutePath().resolve("ircd.yaml");
    return new Launch(
        List.of(binary, "run", "--conf", config.toString()), files("ircd.yaml", conf));
  }

  /**
   * Logins the bench keeps under way at once against {@code target}: ngIRCd listens with a backlog
   * of 10, fixed in its code (no setting lifts it), so the bench never has more than 8 connections
   * waiting for it; the others take the bench's usual 256 (InspIRCd's backlog is set to 4,096
   * above, Ergo's is the kernel's, 4,096 here).
   */
  static int loginsInFlight(Target target) {
    return target == Target.NGIRCD ? 8 : 256;
  }

  private static Map<String, String> files(String name, String text) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(name, text);
    return files;
  }

  /**
   * The settings added to chatshell's own for the IRC comparison: its IRC door without TLS (the
   * port itself is given with {@code --irc-port}), no SSH door, and flood control out of reach, as
   * for the other servers.
   */
  static Map<String, String> chatshellIrc() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("irc.tls-port", "0");
    settings.put("http.port", "0");
    settings.put("ssh.port", "0");
    settings.put("flood.rate", "1000");
    settings.put("flood.burst", "1000");
    return settings;
  }
}
