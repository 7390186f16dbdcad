package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import java.net.InetAddress;
import java.util.Locale;

/**
 * What the shell does before a password is typed where it can be read on its way (telnet from
 * another machine): type it as before ({@code allow}), say so first ({@code warn}), or not ask it
 * at all ({@code refuse}). Every password prompt goes through it: the login of a registered nick
 * and the prompts of /REGISTER, /OPER, /PASSWD and /NICK, so a user is warned (or refused) alike
 * wherever a password is asked.
 *
 * <p>Which host to name in the {@code ssh} command: the address the client's socket reached is the
 * server's own, which behind NAT or a proxy is not the name the user typed; the user knows that
 * name, so the command says {@code <this host>} rather than something that may be wrong.
 *
 * @param policy what to do
 * @param sshPort the port of the SSH door to point users to; 0 when there is none
 */
public record CleartextPasswords(Policy policy, int sshPort) {
  /** The three values of {@code telnet.passwords}. */
  public enum Policy {
    ALLOW,
    WARN,
    REFUSE;

    /** The policy named as in the configuration ({@code allow}, {@code warn}, {@code refuse}). */
    public static Policy named(String name) {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** Warns, and points to SSH on its usual port: what a server does unless told otherwise. */
  public static final CleartextPasswords DEFAULT = new CleartextPasswords(Policy.WARN, 2222);

  /**
   * True when a password typed on this connection travels readable by anyone on the way: not
   * encrypted, and not from this machine. A connection from this machine is either a local user or
   * an SSH proxy's forced {@code telnet localhost} (README), whose hop to the user is encrypted.
   */
  static boolean inTheClear(Connection connection) {
    return !connection.encrypted() && !loopback(connection.remoteAddress());
  }

  /**
   * 127.0.0.0/8, ::1, and IPv4-mapped ::ffff:127.x (which the JDK reads as the IPv4 address). Only
   * literals are read, never looked up: anything else (a name, garbage) counts as not loopback.
   */
  static boolean loopback(String address) {
    if (address == null) {
      return false;
    }
    try {
      return InetAddress.ofLiteral(address).isLoopbackAddress();
    } catch (IllegalArgumentException notAnAddress) {
      return false;
    }
  }

  /** True when no password may be asked on this connection. */
  boolean refuses(Connection connection) {
    return policy == Policy.REFUSE && inTheClear(connection);
  }

  /** The one-line warning to show before a password prompt on this connection, or {@code null}. */
  String warning(Connection connection, String nick) {
    if (policy != Policy.WARN || !inTheClear(connection)) {
      return null;
    }
    return sshPort == 0
        ? "Careful: over telnet your password travels in the clear, readable on its way."
        : "Careful: over telnet your password travels in the clear; "
            + sshCommand(nick)
            + " keeps it private.";
  }

  /** The one line that says a password is not asked here, and how to come in instead. */
  String refusal(String nick) {
    return sshPort == 0
        ? "Passwords are refused over telnet here, except from the server's own machine."
        : "Passwords are refused over telnet here; come in with " + sshCommand(nick) + ".";
  }

  private String sshCommand(String nick) {
    return "ssh -p " + sshPort + " " + nick + "@<this host>";
  }
}
