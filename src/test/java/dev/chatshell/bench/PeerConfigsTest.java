package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configurations the bench writes for the other IRC servers: what each lifts, and where. */
class PeerConfigsTest {
  private static final Path WORK = Path.of("/tmp/bench-work");

  @Test
  void ngircdListensOnTheLoopbackPortWithNoLimitPerAddressAndNoPenalties() {
    PeerConfigs.Launch launch = PeerConfigs.ngircd("/usr/sbin/ngircd", 40123, WORK);
    String conf = launch.files().get("ngircd.conf");
    assertTrue(conf.contains("Ports = 40123\n"), conf);
    assertTrue(conf.contains("Listen = 127.0.0.1\n"));
    assertTrue(conf.contains("MaxConnections = 0\n"));
    assertTrue(conf.contains("MaxConnectionsIP = 0\n"));
    assertTrue(conf.contains("MaxPenaltyTime = 0\n"));
    assertTrue(conf.contains("MaxJoins = 0\n"));
    assertTrue(conf.contains("DNS = no\n") && conf.contains("Ident = no\n"));
    assertFalse(conf.contains("PidFile"), "ngIRCd drops root and could not write it");
    assertEquals(
        List.of("/usr/sbin/ngircd", "-n", "-f", "/tmp/bench-work/ngircd.conf"), launch.command());
  }

  @Test
  void inspircdHasOneConnectClassWithoutLimitsFakeLagOrLookups() {
    PeerConfigs.Launch launch = PeerConfigs.inspircd("inspircd", 40124, WORK, 10_000, false);
    String conf = launch.files().get("inspircd.conf");
    assertTrue(conf.contains("<bind address=\"127.0.0.1\" port=\"40124\" type=\"clients\">"), conf);
    assertTrue(conf.contains("localmax=\"1000000\" globalmax=\"1000000\""));
    assertTrue(conf.contains("fakelag=\"no\""));
    assertTrue(conf.contains("commandrate=\"1000000000\""));
    assertTrue(conf.contains("threshold=\"1000000000\""));
    assertTrue(conf.contains("resolvehostnames=\"no\""));
    assertTrue(conf.contains("clonesonconnect=\"no\""));
    assertTrue(conf.contains("somaxconn=\"4096\""));
    assertTrue(conf.contains("softlimit=\"10064\""), "room for every client and a few of its own");
    assertTrue(conf.contains("hardsendq=\"1048576\""));
    assertTrue(conf.contains("<files motd=\"/tmp/bench-work/motd.txt\">"));
    assertTrue(launch.files().containsKey("motd.txt"), "the MOTD it names is written too");
    // InspIRCd's comments start with '#': anything else on the first line is a syntax error
    assertTrue(conf.startsWith("#"));
    assertEquals(
        List.of("inspircd", "--config", "/tmp/bench-work/inspircd.conf", "--nofork"),
        launch.command());
  }

  @Test
  void inspircdIsToldItMayRunAsRootOnlyWhenItIs() {
    assertTrue(
        PeerConfigs.inspircd("inspircd", 1, WORK, 10, true).command().contains("--runasroot"));
    assertFalse(
        PeerConfigs.inspircd("inspircd", 1, WORK, 10, false).command().contains("--runasroot"));
  }

  @Test
  void ergoHasNoIpLimitsNoFakeLagAndKeepsItsFilesInTheWorkDirectory() {
    PeerConfigs.Launch launch = PeerConfigs.ergo("/opt/ergo", 40125, WORK);
    String conf = launch.files().get("ircd.yaml");
    assertTrue(conf.contains("\"127.0.0.1:40125\": {}"), conf);
    assertTrue(conf.contains("ip-limits:\n        count: false\n        throttle: false\n"));
    assertTrue(conf.contains("fakelag:\n    enabled: false\n"));
    assertTrue(conf.contains("lookup-hostnames: false"));
    assertTrue(conf.contains("check-ident: false"));
    assertTrue(conf.contains("path: \"/tmp/bench-work/ircd.db\""));
    assertTrue(conf.contains("lock-file: \"/tmp/bench-work/ircd.lock\""));
    assertFalse(conf.contains("\t"), "YAML indents with spaces only");
    assertEquals(
        List.of("/opt/ergo", "run", "--conf", "/tmp/bench-work/ircd.yaml"), launch.command());
  }

  @Test
  void ngircdNeverHasMoreLoginsWaitingThanItsBacklogOfTen() {
    assertTrue(PeerConfigs.loginsInFlight(Target.NGIRCD) < 10);
    assertEquals(256, PeerConfigs.loginsInFlight(Target.INSPIRCD));
    assertEquals(256, PeerConfigs.loginsInFlight(Target.CHATSHELL));
  }

  @Test
  void chatshellGetsItsIrcDoorWithoutTlsAndFloodControlOutOfReach() {
    Map<String, String> settings = PeerConfigs.chatshellIrc();
    assertEquals("0", settings.get("irc.tls-port"));
    assertEquals("0", settings.get("ssh.port"));
    assertEquals("1000", settings.get("flood.rate"));
    assertEquals("1000", settings.get("flood.burst"));
  }
}
