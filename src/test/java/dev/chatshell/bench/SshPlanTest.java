package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code chatshell bench --transport ssh}: the plan it makes, the turns, and the report. */
class SshPlanTest {

  private static BenchCommand parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static Plan plan(String... args) {
    return parse(args).plan();
  }

  @Test
  void telnetIsTheDefaultAndHasNoSshMembers() {
    Plan plan = plan("--sessions", "30");
    assertEquals(30, plan.sessions());
    assertEquals(0, plan.sshSessions());
    assertEquals(30, plan.members());
    assertEquals(plan, plan("--sessions", "30", "--transport", "telnet"));
  }

  @Test
  void sshBringsAsManyTelnetMembersAlongside() {
    Plan plan = plan("--sessions", "1000", "--transport", "SSH");
    assertEquals(1000, plan.sshSessions());
    assertEquals(1000, plan.sessions());
    assertEquals(2000, plan.members());
  }

  @Test
  void telnetSessionsSetsHowManyOrNone() {
    Plan some = plan("--sessions", "10", "--transport", "ssh", "--telnet-sessions", "4");
    assertEquals(10, some.sshSessions());
    assertEquals(4, some.sessions());
    Plan alone = plan("--sessions", "10000", "--transport", "ssh", "--telnet-sessions", "0");
    assertEquals(10_000, alone.sshSessions());
    assertEquals(0, alone.sessions());
  }

  @Test
  void sshMembersHaveChannelsOfTheirOwn() {
    Plan plan = plan("--sessions", "10", "--channels", "3", "--transport", "ssh");
    assertEquals("#ssh-0", plan.sshChannelOf(0));
    assertEquals("#ssh-2", plan.sshChannelOf(5));
    assertEquals("#bench-2", plan.channelOf(5));
  }

  @Test
  void theDoorsTakeTurnsOfOneSliceTelnetFirst() {
    Plan plan = plan("--sessions", "10", "--transport", "ssh");
    long slice = Plan.SLICE.toNanos();
    assertEquals(Plan.Door.TELNET, plan.door(0));
    assertEquals(Plan.Door.TELNET, plan.door(slice - 1));
    assertEquals(Plan.Door.SSH, plan.door(slice));
    assertEquals(Plan.Door.SSH, plan.door(2 * slice - 1));
    assertEquals(Plan.Door.TELNET, plan.door(2 * slice));
    assertEquals(Plan.Door.SSH, plan.door(-1)); // the warm-up's last slice, before measuring
    assertEquals(Plan.Door.TELNET, plan.door(-slice - 1));
  }

  @Test
  void oneDoorAloneHasEveryTurn() {
    Plan telnet = plan("--sessions", "10");
    Plan ssh = plan("--sessions", "10", "--transport", "ssh", "--telnet-sessions", "0");
    for (long t : new long[] {-1, 0, Plan.SLICE.toNanos(), 3 * Plan.SLICE.toNanos() + 7}) {
      assertEquals(Plan.Door.TELNET, telnet.door(t));
      assertEquals(Plan.Door.SSH, ssh.door(t));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--transport rsh | --transport must be telnet or ssh, not 'rsh'",
        "--telnet-sessions 5 | --telnet-sessions goes with --transport ssh",
        "--transport ssh --telnet-sessions -1 | --telnet-sessions cannot be negative",
        "--transport ssh --sessions 10 --channels 5 --telnet-sessions 2"
            + " | --channels cannot be more than --telnet-sessions (2)",
        "--transport ssh --against both | --transport ssh is for chatshell"
      })
  void badCombinationsAreRefused(String args, String message) {
    BenchCommand command = parse(args.strip().split(" "));
    ParameterException e =
        assertThrows(
            ParameterException.class,
            () -> {
              command.plan();
              command.targets();
            });
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void theServerGetsNoSshDoorUnlessSshMembersCome() {
    BenchCommand telnet = parse("--sessions", "10");
    assertEquals("0", telnet.serverSettings(telnet.plan(), Path.of("w")).get("ssh.port"));
    BenchCommand ssh = parse("--sessions", "9000", "--transport", "ssh");
    Map<String, String> settings = ssh.serverSettings(ssh.plan(), Path.of("w"));
    assertTrue(Integer.parseInt(settings.get("limits.connections")) >= 18_000, settings.toString());
  }

  private static BenchResult.DoorResult door(
      Plan.Door door, long heapBefore, long heapAfter, double cpuSeconds, long delivered) {
    Histogram latency = new Histogram(3);
    latency.recordValue(2_000_000);
    return new BenchResult.DoorResult(
        door,
        1000,
        1000,
        0,
        4.0,
        door == Plan.Door.SSH ? 2.0 : -1,
        heapBefore,
        heapAfter,
        10.0,
        delivered,
        delivered,
        latency,
        cpuSeconds,
        0.05,
        door == Plan.Door.SSH ? "sntrup761x25519-sha512, chacha20-poly1305@openssh.com" : "none");
  }

  @Test
  void eachDoorsFiguresComeFromItsOwnCounts() {
    BenchResult.DoorResult ssh =
        door(Plan.Door.SSH, 100 << 20, (100 << 20) + 1000 * 40_960, 2.0, 100_000);
    assertEquals(40_960, ssh.bytesPerSession());
    assertEquals(250, ssh.loginsPerSecond(), 1e-9);
    assertEquals(2.0, ssh.serverMillisPerLogin(), 1e-9);
    assertEquals(-1, door(Plan.Door.TELNET, 0, 5, 1.0, 1).serverMillisPerLogin());
    assertEquals(10_000, ssh.deliveriesPerSecond(), 1e-9);
    assertEquals(20, ssh.serverMicrosPerDelivery(), 1e-9);
    assertEquals(0.2, ssh.serverCores(), 1e-9);
    assertEquals(2.0, ssh.serverMillisPerLogin(), 1e-9);
    assertEquals(-1, door(Plan.Door.TELNET, 0, 5, 1.0, 1).serverMillisPerLogin());
    // 10 s of slices at 0.05 cores idle: 0.5 of the 2 s were spent anyway
    assertEquals(15, ssh.serverMicrosPerDeliveryAboveIdle(), 1e-9);
    assertEquals(-1, door(Plan.Door.SSH, -1, 5, 2.0, 1).bytesPerSession());
    assertEquals(-1, door(Plan.Door.SSH, 0, 5, -1, 1).serverMicrosPerDelivery());
  }

  @Test
  void theReportSetsTheDoorsSideBySide() {
    Plan plan = plan("--sessions", "1000", "--transport", "ssh");
    BenchResult.DoorResult telnet = door(Plan.Door.TELNET, 0, 25 << 20, 1.0, 100_000);
    BenchResult.DoorResult ssh = door(Plan.Door.SSH, 25 << 20, 80 << 20, 1.5, 100_000);
    BenchResult result =
        new BenchResult(
            Target.CHATSHELL,
            plan,
            "2026-01-01T00:00:00Z",
            2000,
            0,
            8.0,
            20.0,
            200,
            199_800,
            199_800,
            new Histogram(3),
            0,
            80 << 20,
            List.of(),
            0.1,
            0.1,
            null,
            List.of(telnet, ssh));
    List<String> summary = result.summary();
    assertTrue(summary.getFirst().contains("2000 of 2000 sessions held"), summary.getFirst());
    String text = String.join("\n", summary);
    assertTrue(text.contains("ssh members: 1000 of 1000 held"), text);
    assertTrue(
        text.contains("2.00 ms per login (public key, pty; sntrup761x25519-sha512, chacha20"),
        text);
    assertTrue(text.contains("56.3 KiB per idle ssh session"), text);
    assertTrue(text.contains("25.6 KiB per idle telnet session"), text);
    assertTrue(
        text.contains(
            "ssh/telnet: server CPU per delivery 15.00 / 10.00 µs = 1.50× (above idle: 10.00 /"
                + " 5.00 µs = 2.00×)"),
        text);
    assertTrue(text.contains("15.00 µs per delivery (10.00 µs above the 0.05 cores"), text);
    String json = result.json();
    assertTrue(json.contains("\"sshSessions\": 1000"), json);
    assertTrue(json.contains("\"sshServerMicrosPerDelivery\": 15"), json);
    assertTrue(json.contains("\"telnetHeapBytesPerSession\": 26214"), json);
    assertTrue(
        json.contains("\"sshCipher\": \"sntrup761x25519-sha512, chacha20-poly1305@openssh.com\""),
        json);
    assertTrue(json.contains("\"sshServerMillisPerLogin\": 2"), json);
  }

  @Test
  void aTelnetRunReportsNoDoors() {
    Plan plan = plan("--sessions", "10");
    BenchResult result =
        new BenchResult(
            Target.CHATSHELL,
            plan,
            "t",
            10,
            0,
            1.0,
            10.0,
            10,
            90,
            90,
            new Histogram(3),
            0,
            1,
            List.of(),
            0.1,
            0.1);
    assertEquals(List.of(), result.doors());
    assertTrue(result.summary().stream().noneMatch(line -> line.contains("ssh")));
    assertTrue(result.json().lines().noneMatch(line -> line.contains("ssh")), result.json());
  }
}
