package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.logIn;
import static dev.chatshell.it.AccountsIT.register;
import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.chat.Names;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.ChannelStore;
import dev.chatshell.store.Database;
import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during traffic loses nothing a user was told had happened: the server runs as a real
 * process, clients register accounts and change roles and topics as fast as they are answered, the
 * process gets SIGKILL mid-stream, and the database found afterwards holds every acknowledged
 * change (plus, at most, the one that was on its way).
 */
class DurabilityIT {
  private static final int OWNERS = 3;

  /** What one channel's owner was last told, and what it had asked for since. */
  private static final class ChannelState {
    volatile boolean adminAcked; // the member is a kept secondary admin, as last acknowledged
    volatile Boolean adminPending; // asked, not yet acknowledged
    volatile String topicAcked;
    volatile String topicPending;
    volatile int changes;
  }

  @Test
  void sigkillDuringTrafficLosesNothingAcknowledged() throws Exception {
    Path home = Files.createTempDirectory("chatshell-durability");
    Path config = home.resolve("chatshell.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "data.dir=" + home.resolve("var"),
            "console=false",
            "accounts.hash-iterations=100000",
            "flood.rate=1000",
            "telnet.negotiation-timeout-ms=100",
            "flood.burst=1000",
            "limits.connections-per-address=100",
            "accounts.registrations-per-address=100000",
            "accounts.registrations-per-hour=100000",
            ""));
    int port = Processes.freePort();
    Process server = start(home, config, port);
    List<String> registered = new CopyOnWriteArrayList<>();
    Set<String> pendingRegistrations = ConcurrentHashMap.newKeySet();
    Map<Integer, ChannelState> states = new ConcurrentHashMap<>();
    AtomicBoolean killed = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    List<TestClient> clients = new CopyOnWriteArrayList<>();
    try {
      Processes.awaitPort(port, Duration.ofSeconds(60), server);
      for (int i = 0; i < OWNERS; i++) {
        int n = i;
        ChannelState state = new ChannelState();
        states.put(n, state);
        TestClient owner = TestClient.plain(port);
        TestClient member = TestClient.plain(port);
        clients.add(owner);
        clients.add(member);
        login(owner, "owner" + n);
        register(owner, "owner" + n);
        login(member, "member" + n);
        register(member, "member" + n);
        owner.send("/join #room" + n);
        owner.expect("You created #room" + n);
        owner.send("/register #room" + n);
        owner.expect("owner" + n + " registered #room" + n);
        member.send("/join #room" + n);
        owner.expect("member" + n + " has joined");
        workers.add(Thread.ofPlatform().start(() -> ownerLoop(n, owner, state, killed)));
      }
      workers.add(
          Thread.ofPlatform()
              .start(() -> registrarLoop(port, registered, pendingRegistrations, killed, clients)));

      Thread.sleep(4000); // traffic flows
      killed.set(true);
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no goodbye
      assertTrue(server.waitFor(20, TimeUnit.SECONDS));
      assertEquals(137, server.exitValue(), "the server died of SIGKILL");
      for (Thread worker : workers) {
        worker.join(15_000);
      }
    } finally {
      for (TestClient client : clients) {
        client.close();
      }
      if (server.isAlive()) {
        server.destroyForcibly().waitFor();
      }
    }

    int changes = states.values().stream().mapToInt(s -> s.changes).sum();
    System.out.println(
        "DurabilityIT: killed after "
            + registered.size()
            + " registrations and "
            + changes
            + " role and topic changes acknowledged");
    assertTrue(registered.size() >= 3, "registrations acknowledged: " + registered);
    assertTrue(changes >= 3 * OWNERS, "role and topic changes acknowledged: " + changes);

    Path file = home.resolve("var/chatshell.db");
    try (Database database = Database.sqlite(file)) {
      AccountStore accounts = new AccountStore(database);
      for (String name : registered) {
        assertTrue(accounts.find(name).isPresent(), name + " was acknowledged, then lost");
      }
      Map<String, ChannelRegistry.Registered> channels =
          new ChannelStore(database)
              .load().stream().collect(Collectors.toMap(c -> Names.key(c.name()), c -> c));
      for (int n = 0; n < OWNERS; n++) {
        ChannelState state = states.get(n);
        ChannelRegistry.Registered room = channels.get("#room" + n);
        assertTrue(room != null, "#room" + n + " was registered, then lost");
        boolean admin = room.admins().contains("member" + n);
        assertTrue(
            admin == state.adminAcked
                || (state.adminPending != null && admin == state.adminPending),
            "#room"
                + n
                + ": member"
                + n
                + " admin="
                + admin
                + ", acknowledged "
                + state.adminAcked);
        String topic = room.topic() == null ? null : room.topic().text();
        assertTrue(
            java.util.Objects.equals(topic, state.topicAcked)
                || java.util.Objects.equals(topic, state.topicPending),
            "#room" + n + ": topic " + topic + ", acknowledged " + state.topicAcked);
      }
    }

    // And the users find it so: the restarted server knows them and their channels.
    Process again = start(home, config, port);
    Processes.awaitPort(port, Duration.ofSeconds(60), again);
    try (TestClient owner = TestClient.plain(port)) {
      logIn(owner, "owner0", PASSWORD);
      owner.expect("You joined #room0 as main admin (~)."); // logging in rejoins it (autojoin)
      owner.expect("Welcome, owner0!");
    } finally {
      Processes.stop(again);
    }
  }

  private static Process start(Path home, Path config, int port) throws Exception {
    return Processes.serve(home, config, port, home.resolve("server.log"));
  }

  /** Grants, revokes and sets the topic in turn, each time waiting to be told it happened. */
  private static void ownerLoop(int n, TestClient owner, ChannelState state, AtomicBoolean killed) {
    try {
      for (int k = 0; !killed.get(); k++) {
        if (k % 2 == 0) {
          boolean grant = !state.adminAcked;
          state.adminPending = grant;
          owner.send((grant ? "/grant" : "/revoke") + " member" + n);
          owner.expect(
              grant
                  ? "made member" + n + " a secondary admin"
                  : "took back member" + n + "'s secondary-admin rights",
              Duration.ofSeconds(5));
          state.adminAcked = grant;
          state.adminPending = null;
        } else {
          String topic = "topic " + k;
          state.topicPending = topic;
          owner.send("/topic " + topic);
          owner.expect("set the topic of #room" + n + ": " + topic, Duration.ofSeconds(5));
          state.topicAcked = topic;
          state.topicPending = null;
        }
        state.changes++;
      }
    } catch (Exception | AssertionError e) {
      // the server was killed mid-command: what was asked stays pending
    }
  }

  /** Registers new accounts one after another, each on its own connection. */
  private static void registrarLoop(
      int port,
      List<String> registered,
      Set<String> pending,
      AtomicBoolean killed,
      List<TestClient> clients) {
    try {
      for (int k = 0; !killed.get(); k++) {
        String nick = "reg" + k;
        TestClient client = TestClient.plain(port);
        clients.add(client);
        login(client, nick);
        pending.add(nick);
        register(client, nick);
        registered.add(nick);
        pending.remove(nick);
        client.send("/bye");
      }
    } catch (Exception | AssertionError e) {
      // killed mid-registration
    }
  }
}
