package dev.chatshell.ssh;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.AbstractUserAuth;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.UserAuth;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.UserAuthNoneFactory;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may come in by SSH, and as whom. The SSH user name is the nick asked for.
 *
 * <ul>
 *   <li>A nick nobody registered: anyone, with any key, any password or none (keyboard-interactive
 *       with no question). A key the client signs with is still remembered, so /REGISTER can offer
 *       to add it.
 *   <li>A registered nick: one of the account's keys, with a signature the server verified, or the
 *       account's password (password or keyboard-interactive), checked by the same slow, throttled
 *       check as a telnet login. An empty password lets the client in without the account: the
 *       shell then says the nick is registered and asks for another, as telnet does.
 * </ul>
 *
 * A key binds the session to an account only in {@link Proving}, after MINA verified the signature:
 * the "is this key acceptable?" query and a failed signature bind nothing.
 */
final class SshLogins
    implements PublickeyAuthenticator, PasswordAuthenticator, KeyboardInteractiveAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(SshLogins.class);

  /** The account the client proved it holds (password or verified key). */
  static final AttributeKey<String> PROVEN_ACCOUNT = new AttributeKey<>();

  /** The public key the client proved it holds, as an OpenSSH public-key line. */
  static final AttributeKey<String> PROVEN_KEY = new AttributeKey<>();

  /** The key the client last asked about, and the account it would bind (null: none). */
  private static final AttributeKey<Asked> ASKED = new AttributeKey<>();

  private record Asked(PublicKey key, String account) {}

  /** The keys of the account the user name is, read before any key is offered. */
  private static final AttributeKey<AccountKeys> KEYS = new AttributeKey<>();

  private record AccountKeys(String account, CompletableFuture<Predicate<PublicKey>> test) {}

  private final ChatServer chat;
  private final KeyCheck keys;

  SshLogins(ChatServer chat, KeyCheck keys) {
    this.chat = chat;
    this.keys = keys;
  }

  /** The public-key method, binding the key (and its account) only once the signature is good. */
  UserAuthPublicKeyFactory publicKeyMethod() {
    return new UserAuthPublicKeyFactory() {
      @Override
      public UserAuthPublicKey createUserAuth(ServerSession session) {
        return new Proving(getSignatureFactories());
      }
    };
  }

  /**
   * OpenSSH's first request, "none", which always fails: it says which methods to try, and here
   * starts reading the account's keys on a virtual thread, so that they are in memory by the time
   * the client offers one (a round trip later) and a database read seldom holds one of MINA's I/O
   * threads. (MINA allows no asynchronous answer but for passwords, so "none" cannot wait for it.)
   */
  UserAuthFactory noneMethod() {
    return new UserAuthFactory() {
      @Override
      public String getName() {
        return UserAuthNoneFactory.NAME;
      }

      @Override
      public UserAuth createUserAuth(ServerSession session) {
        return new AbstractUserAuth(UserAuthNoneFactory.NAME) {
          @Override
          protected Boolean doAuth(Buffer buffer, boolean init) {
            Optional<String> account = registered(getUsername());
            if (account.isPresent() && session.getAttribute(KEYS) == null) {
              CompletableFuture<Predicate<PublicKey>> read = new CompletableFuture<>();
              session.setAttribute(KEYS, new AccountKeys(account.get(), read));
              Thread.ofVirtual()
                  .name("ssh-keys")
                  .start(
                      () -> {
                        try {
                          read.complete(keys.keysOf(account.get()));
                        } catch (RuntimeException e) {
                          read.completeExceptionally(e);
                        }
                      });
            }
            return false;
          }
        };
      }
    };
  }

  // ---- public key: on MINA's I/O thread ----

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    session.removeAttribute(ASKED);
    if (key instanceof OpenSshCertificate) {
      return false; // certificates are not accounts' keys; their key alone may be offered
    }
    Optional<String> account = registered(username);
    if (account.isEmpty()) {
      session.setAttribute(ASKED, new Asked(key, null));
      return true; // a free nick: any key the client can sign with
    }
    boolean holds;
    try {
      holds = keysOf(account.get(), session).test(key);
    } catch (RuntimeException e) {
      log.warn("Reading the keys of {} failed: {}", account.get(), e.toString());
      holds = false;
    }
    if (holds) {
      session.setAttribute(ASKED, new Asked(key, account.get()));
    }
    return holds;
  }

  /**
   * The account's keys as read since the "none" request (waited for if the read is not done yet); a
   * client that skipped it (OpenSSH never does) has them read here, on the I/O thread.
   */
  private Predicate<PublicKey> keysOf(String account, ServerSession session) {
    AccountKeys read = session.getAttribute(KEYS);
    if (read != null && read.account().equals(account)) {
      return read.test().join();
    }
    return keys.keysOf(account);
  }

  /** MINA's public-key method, which says which key, if any, the client proved it holds. */
  private static final class Proving extends UserAuthPublicKey {
    Proving(List<NamedFactory<Signature>> factories) {
      super(factories);
    }

    @Override
    public Boolean doAuth(Buffer buffer, boolean init) throws Exception {
      Boolean result = super.doAuth(buffer, init);
      ServerSession session = getServerSession();
      Asked asked = session.removeAttribute(ASKED);
      // TRUE only after the signature over this session's identifier was verified with the key
      // the authenticator was just asked about (null is the query's answer, FALSE a refusal).
      if (Boolean.TRUE.equals(result) && asked != null) {
        session.setAttribute(PROVEN_KEY, PublicKeyEntry.toString(asked.key()));
        if (asked.account() != null) {
          session.setAttribute(PROVEN_ACCOUNT, asked.account());
        }
      } else if (result == null && asked != null) {
        session.setAttribute(ASKED, asked); // the query: the signed request comes next
      }
      return result;
    }
  }

  // ---- password and keyboard-interactive ----

  @Override
  public boolean authenticate(String username, String password, ServerSession session) {
    return checkPassword(username, password, session);
  }

  @Override
  public InteractiveChallenge generateChallenge(
      ServerSession session, String username, String lang, String subMethods) {
    InteractiveChallenge challenge = new InteractiveChallenge();
    challenge.setInteractionName("");
    challenge.setLanguageTag("");
    Optional<String> account = registered(username);
    if (account.isEmpty()) {
      challenge.setInteractionInstruction(""); // a free nick: nothing to ask
      return challenge;
    }
    challenge.setInteractionInstruction(
        account.get()
            + " is a registered nick: type its password, or nothing to choose another nick.");
    challenge.addPrompt("Password: ", false);
    return challenge;
  }

  @Override
  public boolean authenticate(ServerSession session, String username, List<String> responses) {
    Optional<String> account = registered(username);
    if (account.isEmpty()) {
      return true;
    }
    if (responses.size() != 1) {
      return false;
    }
    return checkPassword(username, responses.getFirst(), session);
  }

  /**
   * A free nick comes in whatever the password; an empty one comes in without the account; any
   * other is checked on a virtual thread (the hash is slow), and MINA is told the answer later.
   */
  private boolean checkPassword(String username, String password, ServerSession session) {
    Optional<String> account = registered(username);
    if (account.isEmpty() || password == null || password.isEmpty()) {
      return true;
    }
    String address = SshConnection.host(session.getClientAddress());
    AsyncAuthException pending = new AsyncAuthException();
    Thread.ofVirtual()
        .name("ssh-password")
        .start(
            () -> {
              boolean accepted = false;
              char[] typed = password.toCharArray();
              try {
                String name = chat.checkPassword(account.get(), typed, address);
                session.setAttribute(PROVEN_ACCOUNT, name);
                accepted = true;
              } catch (ChatException e) {
                tell(session, e.getMessage());
              } catch (RuntimeException e) {
                log.warn("Checking a password for {} failed: {}", account.get(), e.toString());
              } finally {
                Arrays.fill(typed, '\0');
                pending.setAuthed(accepted);
              }
            });
    throw pending;
  }

  /** Shows a line to the client during authentication (OpenSSH prints banners as they come). */
  private static void tell(ServerSession session, String line) {
    try {
      Buffer banner =
          session.createBuffer(SshConstants.SSH_MSG_USERAUTH_BANNER, line.length() + 16);
      banner.putString(line + "\r\n", StandardCharsets.UTF_8);
      banner.putString("");
      session.writePacket(banner);
    } catch (IOException e) {
      log.debug("banner to {}: {}", session, e.toString());
    }
  }

  private Optional<String> registered(String username) {
    try {
      return username == null ? Optional.empty() : chat.account(username);
    } catch (ChatException e) {
      return Optional.empty(); // not a valid nick: the shell says so, and asks for another
    }
  }
}
