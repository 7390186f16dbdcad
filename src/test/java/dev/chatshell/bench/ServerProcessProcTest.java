package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the bench reads from /proc about a server it started: CPU time and resident memory. */
class ServerProcessProcTest {

  @Test
  void cpuTicksAreUserPlusSystemTimeEvenWithSpacesInTheCommandName() {
    String stat =
        "4242 (ngircd (bench) x) S 1 4242 4242 0 -1 4194560 300 0 0 0 1234 567 0 0 20 0 1 0 100"
            + " 12345678 900 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";
    assertEquals(1234 + 567, ServerProcess.cpuTicks(stat));
  }

  @Test
  void residentMemoryIsTheVmRssLineInBytes() {
    String status =
        "Name:\tinspircd\nVmPeak:\t  200000 kB\nVmSize:\t  180000 kB\nVmRSS:\t   25600 kB\n"
            + "RssAnon:\t   20000 kB\n";
    assertEquals(25_600L * 1024, ServerProcess.residentBytes(status));
    assertEquals(-1, ServerProcess.residentBytes("Name:\tzombie\n"));
  }
}
