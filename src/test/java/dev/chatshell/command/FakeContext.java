package dev.chatshell.command;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Inbox;
import dev.chatshell.chat.User;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CommandContext} for tests: a real user connected to a real {@link ChatServer}, with
 * replies, errors, the disconnect reason and the user's chat events recorded.
 */
public final class FakeContext implements CommandContext {
  private final ChatServer server;
  private ChatApi chat;
  private String sessionKey; // what the session proved it holds (SSH), or null
  private final CommandTable commands;
  private final Inbox inbox = new Inbox();
  private final User user;
  private final List<String> replies = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private String disconnectReason;
  private final List<String> stopRequests = new ArrayList<>();
  private Privilege privilegeOverride;
  private int width;
  private final java.util.ArrayDeque<String> secrets = new java.util.ArrayDeque<>();
  private final List<String> secretPrompts = new ArrayList<>();

  public FakeContext(ChatServer chat, CommandTable commands, String nick) {
    this.server = chat;
    this.commands = commands;
    this.user = chat.connect(nick, "198.51.100.7", inbox);
    this.chat = chat.forUser(user); // as the session does: bound to the user
  }

  /**
   * Pretends the session logged in over SSH with a client that proved it holds {@code
   * publicKeyLine}'s private key: {@link #sessionKey} returns it, and the chat is bound to it, as
   * the session binds it.
   */
  public FakeContext withSessionKey(String publicKeyLine) {
    this.sessionKey = publicKeyLine;
    this.chat = server.forUser(user, publicKeyLine);
    return this;
  }

  @Override
  public java.util.Optional<String> sessionKey() {
    return java.util.Optional.ofNullable(sessionKey);
  }

  @Override
  public String transport() {
    return sessionKey != null ? "ssh" : "telnet";
  }

  /** Runs a typed line through the command table, as the session does. */
  public FakeContext run(String line) {
    commands.execute(this, line);
    return this;
  }

  /** Pretends the user holds {@code privilege} (for server operators, which need config). */
  /** Gives the fake a screen {@code columns} wide (0, the default: unknown). */
  public FakeContext withWidth(int columns) {
    this.width = columns;
    return this;
  }

  @Override
  public int width() {
    return width;
  }

  public FakeContext actingAs(Privilege privilege) {
    this.privilegeOverride = privilege;
    return this;
  }

  @Override
  public ChatApi chat() {
    return chat;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public CommandTable commands() {
    return commands;
  }

  @Override
  public void reply(String line) {
    replies.add(line);
  }

  @Override
  public void error(String line) {
    errors.add(line);
  }

  /** What the user will type at the next secret prompt (a password). */
  public FakeContext willType(String secret) {
    secrets.add(secret);
    return this;
  }

  /** The prompts of the secrets asked for so far. */
  public List<String> secretPrompts() {
    return List.copyOf(secretPrompts);
  }

  @Override
  public char[] readSecret(String prompt) {
    secretPrompts.add(prompt);
    String secret = secrets.poll();
    return secret == null ? null : secret.toCharArray();
  }

  @Override
  public void stopServer(String reason) {
    stopRequests.add(reason);
  }

  /** The reasons the server was asked to stop with (by /SHUTDOWN). */
  public List<String> stopRequests() {
    return List.copyOf(stopRequests);
  }

  @Override
  public void disconnect(String reason) {
    disconnectReason = reason;
  }

  @Override
  public Privilege privilege() {
    return privilegeOverride != null ? privilegeOverride : CommandContext.super.privilege();
  }

  public List<String> replies() {
    return List.copyOf(replies);
  }

  public List<String> errors() {
    return List.copyOf(errors);
  }

  /** The reason passed to {@link #disconnect}, or {@code null} when it was not called. */
  public String disconnectReason() {
    return disconnectReason;
  }

  /** What the chat domain told this user. */
  public Inbox inbox() {
    return inbox;
  }

  /** Forgets everything recorded so far. */
  public FakeContext clear() {
    replies.clear();
    errors.clear();
    inbox.clear();
    disconnectReason = null;
    return this;
  }
}
