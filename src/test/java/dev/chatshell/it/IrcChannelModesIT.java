package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The channel modes +l (/LIMIT) and +t (/TOPICLOCK) through the IRC door, with raw IRC sockets next
 * to a telnet user in the same channel: MODE sets them, 324 shows them, a full channel answers 471,
 * and what a shell user sets reaches IRC clients as MODE.
 */
class IrcChannelModesIT {
  private static ChatshellServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(Map.of(Setting.IRC_PORT, String.valueOf(Processes.freePort())));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A raw IRC client: lines in, lines out, and waiting for the line a test expects. */
  private static final class Irc implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;
    private final List<String> seen = new ArrayList<>();

    Irc(String nick) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), server.ircPort());
      socket.setSoTimeout(10_000); // a line that never comes fails the test, not hangs it
      out = socket.getOutputStream();
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      send("NICK " + nick);
      send("USER " + nick + " 0 * :" + nick);
      expect(l -> l.contains(" 001 "));
    }

    void send(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** Reads until a line matches, answering PINGs on the way; returns it. */
    String expect(Predicate<String> wanted) throws IOException {
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (SocketTimeoutException e) {
          throw new AssertionError("no such line; seen: " + seen);
        }
        if (line == null) {
          fail("closed; seen: " + seen);
        }
        seen.add(line);
        if (line.startsWith("PING ")) {
          send("PONG " + line.substring(5));
        } else if (wanted.test(line)) {
          return line;
        }
      }
    }

    String expect(String part) throws IOException {
      return expect(l -> l.contains(part));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * The parameters of a numeric line after the code, {@code nick #chan +lnt 5}, the last one
   * without the colon that may start it.
   */
  private static List<String> params(String line) {
    String body = line.substring(line.indexOf(' ', line.indexOf(' ') + 1) + 1);
    int trailing = body.indexOf(" :");
    List<String> params =
        new ArrayList<>(List.of((trailing < 0 ? body : body.substring(0, trailing)).split(" ")));
    if (trailing >= 0) {
      params.add(body.substring(trailing + 2));
    }
    return params;
  }

  @Test
  void plusLLimitsTheChannelAndAFullChannelAnswers471() throws Exception {
    try (Irc alice = new Irc("lalice");
        Irc bob = new Irc("lbob");
        TestClient carol = TestClient.plain(server.port())) {
      login(carol, "lcarol");
      alice.send("JOIN #full");
      alice.expect(" 366 ");
      carol.send("/JOIN #full");
      carol.expect("You joined #full");
      alice.expect("JOIN #full");

      alice.send("MODE #full +l 2");
      assertEquals(":lalice!~lalice@chatshell MODE #full +l 2", alice.expect(" MODE #full "));
      carol.expect("lalice limited #full to 2 members: nobody joins once it is full.");
      alice.send("MODE #full");
      assertEquals(List.of("lalice", "#full", "+lnt", "2"), params(alice.expect(" 324 ")));

      bob.send("JOIN #full");
      String refused = bob.expect(" 471 ");
      assertTrue(
          refused.endsWith(
              " 471 lbob #full :Cannot join channel (+l): #full is full: 2 members, its limit."),
          refused);

      alice.send("MODE #full +l many");
      assertTrue(
          alice
              .expect(" 696 ")
              .contains(
                  " 696 lalice #full l many :A member limit is a number of members, 1 or more"),
          alice.seen.toString());

      alice.send("MODE #full +o lcarol");
      carol.expect("lalice made lcarol a secondary admin (@) of #full.");
      carol.send("/LIMIT 0");
      assertEquals(":lcarol!~lcarol@chatshell MODE #full -l", alice.expect(" MODE #full -l"));
      alice.send("MODE #full");
      assertEquals(List.of("lalice", "#full", "+nt"), params(alice.expect(" 324 ")));
      bob.send("JOIN #full");
      bob.expect(" 366 ");
    }
  }

  @Test
  void minusTOpensTheTopicToMembersAndPlusTLocksItAgain() throws Exception {
    try (Irc alice = new Irc("talice");
        Irc bob = new Irc("tbob");
        TestClient carol = TestClient.plain(server.port())) {
      login(carol, "tcarol");
      alice.send("JOIN #open");
      alice.expect(" 366 ");
      bob.send("JOIN #open");
      bob.expect(" 366 ");
      carol.send("/JOIN #open");
      carol.expect("You joined #open");
      alice.expect("tcarol!~tcarol@chatshell JOIN #open");

      bob.send("TOPIC #open :members speak");
      bob.expect(" 482 tbob #open ");

      alice.send("MODE #open -t");
      assertEquals(":talice!~talice@chatshell MODE #open -t", bob.expect(" MODE #open"));
      carol.expect("talice opened the topic of #open: every member may set it now.");
      alice.send("MODE #open");
      assertEquals(List.of("talice", "#open", "+n"), params(alice.expect(" 324 ")));

      bob.send("TOPIC #open :members speak");
      assertEquals(":tbob!~tbob@chatshell TOPIC #open :members speak", alice.expect(" TOPIC "));
      carol.expect("tbob set the topic of #open: members speak");

      carol.send("/TOPICLOCK on");
      carol.expect("/TOPICLOCK is for admins of the current channel; you are not.");
      bob.send("MODE #open +t");
      bob.expect(" 482 tbob #open ");

      alice.send("MODE #open +t");
      assertEquals(":talice!~talice@chatshell MODE #open +t", bob.expect(" MODE #open"));
      alice.send("MODE #open");
      assertEquals(List.of("talice", "#open", "+nt"), params(alice.expect(" 324 ")));
    }
  }

  @Test
  void isupportNamesLAsAModeWithAParameterWhenSet() throws Exception {
    try (Irc dave = new Irc("idave")) {
      String myInfo = dave.expect(" 004 ");
      assertTrue(myInfo.endsWith(" bilnoqst bloq"), myInfo);
      String line = dave.expect("CHANMODES=");
      assertTrue(line.contains(" CHANMODES=b,,l,inst "), line);
    }
  }
}
