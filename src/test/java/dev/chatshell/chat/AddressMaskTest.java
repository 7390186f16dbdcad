package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Addresses and CIDR blocks as bans use them: IPv4 and IPv6, prefixes, IPv4-mapped forms, which
 * family matches which, what is refused, and that nothing is ever looked up in DNS.
 */
class AddressMaskTest {

  // ---- IPv4 ----

  @Test
  void aSingleIpv4AddressMatchesOnlyItself() {
    AddressMask mask = AddressMask.parse("10.1.2.3");

    assertEquals("10.1.2.3", mask.toString());
    assertTrue(mask.contains("10.1.2.3"));
    assertFalse(mask.contains("10.1.2.4"));
    assertFalse(mask.contains("11.1.2.3"));
  }

  @Test
  void aSlash8BlockMatchesItsFirstOctetAndIsShownFromItsNetwork() {
    AddressMask mask = AddressMask.parse("10.1.2.3/8");

    assertEquals("10.0.0.0/8", mask.toString());
    assertTrue(mask.contains("10.0.0.0"));
    assertTrue(mask.contains("10.255.255.255"));
    assertTrue(mask.contains("10.1.2.3"));
    assertFalse(mask.contains("11.0.0.0"));
    assertFalse(mask.contains("9.255.255.255"));
  }

  @Test
  void aSlash16BlockMatchesItsFirstTwoOctets() {
    AddressMask mask = AddressMask.parse("172.16.5.4/16");

    assertEquals("172.16.0.0/16", mask.toString());
    assertTrue(mask.contains("172.16.0.1"));
    assertTrue(mask.contains("172.16.255.254"));
    assertFalse(mask.contains("172.17.0.1"));
    assertFalse(mask.contains("172.15.255.255"));
  }

  @Test
  void aSlash32BlockIsTheSingleAddress() {
    AddressMask mask = AddressMask.parse("192.0.2.7/32");

    assertEquals("192.0.2.7", mask.toString());
    assertTrue(mask.contains("192.0.2.7"));
    assertFalse(mask.contains("192.0.2.6"));
    assertFalse(mask.contains("192.0.2.8"));
  }

  @Test
  void aSlash0BlockMatchesEveryIpv4AddressButNoIpv6One() {
    AddressMask mask = AddressMask.parse("0.0.0.0/0");

    assertEquals("0.0.0.0/0", mask.toString());
    assertTrue(mask.contains("0.0.0.0"));
    assertTrue(mask.contains("10.1.2.3"));
    assertTrue(mask.contains("255.255.255.255"));
    assertFalse(mask.contains("::1"));
    assertFalse(mask.contains("2001:db8::1"));
  }

  @Test
  void aBlockThatDoesNotStartOnItsBoundaryIsTheBlockThatHoldsIt() {
    assertEquals("192.168.1.0/25", AddressMask.parse("192.168.1.77/25").toString());
    assertEquals("192.168.1.128/25", AddressMask.parse("192.168.1.200/25").toString());
    AddressMask odd = AddressMask.parse("10.0.0.0/9");
    assertTrue(odd.contains("10.127.255.255"));
    assertFalse(odd.contains("10.128.0.0"));
  }

  // ---- IPv6 ----

  @Test
  void anIpv6Slash32BlockMatchesItsPrefix() {
    AddressMask mask = AddressMask.parse("2001:db8::/32");

    assertTrue(mask.contains("2001:db8::1"));
    assertTrue(mask.contains("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
    assertTrue(mask.contains("2001:DB8:0:0:0:0:0:42"));
    assertFalse(mask.contains("2001:db9::1"));
    assertFalse(mask.contains("2001:db7:ffff::1"));
    assertTrue(mask.toString().endsWith("/32"), mask.toString());
  }

  @Test
  void anIpv6BlockIsShownTheSameWhateverItsHostBitsOrCase() {
    String shown = AddressMask.parse("2001:db8::/32").toString();

    assertEquals(shown, AddressMask.parse("2001:DB8:ffff:1::9/32").toString());
    assertEquals(shown, AddressMask.parse(shown).toString(), "the shown form parses to itself");
  }

  @Test
  void anIpv6Slash64BlockMatchesItsNetwork() {
    AddressMask mask = AddressMask.parse("2001:db8:1:2::/64");

    assertTrue(mask.contains("2001:db8:1:2::1"));
    assertTrue(mask.contains("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    assertFalse(mask.contains("2001:db8:1:3::1"));
    assertFalse(mask.contains("2001:db8:1:1:ffff:ffff:ffff:ffff"));
  }

  @Test
  void anIpv6Slash128BlockIsTheSingleAddress() {
    AddressMask mask = AddressMask.parse("2001:db8::1/128");

    assertEquals(AddressMask.parse("2001:db8::1").toString(), mask.toString());
    assertTrue(mask.contains("2001:db8::1"));
    assertTrue(mask.contains("2001:db8:0:0:0:0:0:1"));
    assertFalse(mask.contains("2001:db8::2"));
  }

  @Test
  void theIpv6LoopbackAndTheWholeIpv6Space() {
    assertTrue(AddressMask.parse("::1").contains("0:0:0:0:0:0:0:1"));
    AddressMask all = AddressMask.parse("::/0");
    assertTrue(all.contains("::1"));
    assertTrue(all.contains("2001:db8::1"));
    assertFalse(all.contains("10.1.2.3"), "an IPv6 block holds no IPv4 address");
  }

  // ---- IPv4-mapped IPv6 ----

  @Test
  void anIpv4MappedAddressIsTheIpv4Address() {
    AddressMask mapped = AddressMask.parse("::ffff:10.1.2.3");

    assertEquals("10.1.2.3", mapped.toString());
    assertTrue(mapped.contains("10.1.2.3"));
    assertTrue(mapped.contains("::ffff:10.1.2.3"));
    assertFalse(mapped.contains("10.1.2.4"));
  }

  @Test
  void anIpv4BlockHoldsThePeersThatConnectWithMappedAddresses() {
    AddressMask mask = AddressMask.parse("10.0.0.0/8");

    assertTrue(mask.contains("::ffff:10.9.8.7"));
    assertTrue(mask.contains("::ffff:a01:203")); // 10.1.2.3 written in hex
    assertFalse(mask.contains("::ffff:11.0.0.1"));
  }

  @Test
  void aMappedBlockIsNeverTakenForAnotherBlock() {
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8 in the mapped space; refusing it is fine too.
    String shown;
    try {
      shown = AddressMask.parse("::ffff:10.0.0.0/104").toString();
    } catch (ChatException refused) {
      shown = null;
    }
    assertTrue(shown == null || shown.equals("10.0.0.0/8"), "::ffff:10.0.0.0/104 became " + shown);
  }

  // ---- families ----

  @Test
  void anIpv4BlockHoldsNoIpv6AddressAndTheOtherWayRound() {
    assertFalse(AddressMask.parse("10.0.0.0/8").contains("2001:db8::1"));
    assertFalse(AddressMask.parse("10.0.0.0/8").contains("::1"));
    assertFalse(AddressMask.parse("2001:db8::/32").contains("10.1.2.3"));
    assertFalse(AddressMask.parse("::/0").contains("192.0.2.1"));
  }

  @Test
  void whatIsNotAnAddressIsNeverHeldAndNotAnError() {
    AddressMask mask = AddressMask.parse("0.0.0.0/0");

    assertFalse(mask.contains("console"));
    assertFalse(mask.contains("example.com"));
    assertFalse(mask.contains(""));
    assertFalse(AddressMask.parse("::/0").contains("localhost"));
  }

  // ---- bad inputs ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "localhost",
        "abc",
        "1.2.3.4/33",
        "0.0.0.0/64",
        "::/129",
        "2001:db8::/200",
        "1.2.3.4/-1",
        "1.2.3.4/x",
        "1.2.3.4/",
        "1.2.3.4/8/8",
        "/8",
        "",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.2.3.4 ",
        "fe80::1%eth0",
        "[::1]",
        "2001:db8:::1",
        "10.0.0.0/99999999999"
      })
  void whatIsNotAnAddressOrABlockIsRefused(String typed) {
    ChatException refused = assertThrows(ChatException.class, () -> AddressMask.parse(typed));

    assertEquals(
        Text.visible(typed) + " is not an address or a block such as 10.0.0.0/8 or 2001:db8::/32.",
        refused.getMessage());
  }

  @Test
  void aRefusalShowsControlCharactersAsVisibleMarks() {
    ChatException refused =
        assertThrows(ChatException.class, () -> AddressMask.parse("1.2.3.4\u001b[31m"));

    assertFalse(refused.getMessage().contains("\u001b"), refused.getMessage());
  }

  @Test
  void abbreviatedIpv4FormsAreNotTakenForOtherAddresses() {
    // "10.1/16" reads as 10.1.0.0/16 to a person; inet_aton reads "10.1" as 10.0.0.1. Either
    // refusing it or meaning 10.1.0.0/16 is safe; banning 10.0.0.0/16 instead is not.
    String shown;
    try {
      shown = AddressMask.parse("10.1/16").toString();
    } catch (ChatException refused) {
      shown = null;
    }
    assertTrue(shown == null || shown.equals("10.1.0.0/16"), "10.1/16 became " + shown);
    String three;
    try {
      three = AddressMask.parse("1.2.3").toString();
    } catch (ChatException refused) {
      three = null;
    }
    assertTrue(three == null, "1.2.3 became " + three);
  }

  /**
   * A child JVM whose name service is a hosts file that resolves hex-looking names: if parsing
   * asked the name service, these names would become addresses. They must all be refused.
   */
  @Test
  void namesAreNeverLookedUpEvenWhenTheyLookHexadecimal(@TempDir Path directory) throws Exception {
    Path hosts = directory.resolve("hosts");
    Files.writeString(
        hosts,
        String.join(
            "\n",
            "192.0.2.1 abc",
            "192.0.2.2 cafe.de",
            "192.0.2.3 dead.beef.cafe.bad",
            "192.0.2.4 1.2.3.4.5",
            "192.0.2.5 256.1.1.1",
            "192.0.2.6 example.com",
            "2001:db8::7 fade.ace",
            ""),
        StandardCharsets.US_ASCII);
    String classPath =
        String.join(
            File.pathSeparator,
            Path.of(AddressMask.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(),
            Path.of(
                    AddressMaskTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString());
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts,
                "-cp",
                classPath,
                NoDnsProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
    assertEquals(0, probe.exitValue(), out);
    assertEquals(
        List.of(
            "sanity 192.0.2.0/24 holds 192.0.2.1: true",
            "abc refused",
            "cafe.de refused",
            "dead.beef.cafe.bad refused",
            "1.2.3.4.5 refused",
            "256.1.1.1 refused",
            "example.com refused",
            "fade.ace refused",
            "abc/24 refused",
            "cafe.de/16 refused",
            "192.0.2.0/24 holds abc: false",
            "192.0.2.0/24 holds dead.beef.cafe.bad: false",
            "2001:db8::/32 holds fade.ace: false"),
        out.lines().toList(),
        out);
  }

  /** Run by {@link #namesAreNeverLookedUpEvenWhenTheyLookHexadecimal} in a JVM of its own. */
  static final class NoDnsProbe {
    public static void main(String[] args) {
      System.out.println(
          "sanity 192.0.2.0/24 holds 192.0.2.1: "
              + AddressMask.parse("192.0.2.0/24").contains("192.0.2.1"));
      for (String typed :
          List.of(
              "abc",
              "cafe.de",
              "dead.beef.cafe.bad",
              "1.2.3.4.5",
              "256.1.1.1",
              "example.com",
              "fade.ace",
              "abc/24",
              "cafe.de/16")) {
        try {
          System.out.println(typed + " accepted as " + AddressMask.parse(typed));
        } catch (ChatException e) {
          System.out.println(typed + " refused");
        }
      }
      AddressMask block = AddressMask.parse("192.0.2.0/24");
      System.out.println("192.0.2.0/24 holds abc: " + block.contains("abc"));
      System.out.println(
          "192.0.2.0/24 holds dead.beef.cafe.bad: " + block.contains("dead.beef.cafe.bad"));
      System.out.println(
          "2001:db8::/32 holds fade.ace: "
              + AddressMask.parse("2001:db8::/32").contains("fade.ace"));
    }
  }

  // ---- looksLikeOne ----

  @ParameterizedTest
  @ValueSource(
      strings = {"1.2.3.4", "10.0.0.0/8", "::1", "2001:db8::/32", "::ffff:10.1.2.3", "10.1/16"})
  void addressesAndBlocksLookLikeOne(String typed) {
    assertTrue(AddressMask.looksLikeOne(typed), typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob", "Bob_1", "bob.smith", "a.b.c", "[x]", "cafe"})
  void nicksDoNotLookLikeOne(String typed) {
    assertFalse(AddressMask.looksLikeOne(typed), typed);
  }

  @Test
  void aLinkLocalPeerWithAZoneIsMatchedByItsAddress() {
    assertTrue(AddressMask.parse("fe80::/10").contains("fe80:0:0:0:1:2:3:4%eth0"));
    assertFalse(AddressMask.parse("2001:db8::/32").contains("fe80:0:0:0:1:2:3:4%eth0"));
  }
}
