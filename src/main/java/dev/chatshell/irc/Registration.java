package dev.chatshell.irc;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.User;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client's registration, as RFC 2812 and IRCv3 capability negotiation describe it: NICK and USER
 * (PASS is ignored), CAP LS/REQ/END, SASL PLAIN against the accounts (throttled like every login),
 * and, once all is said, the login and the welcome numerics.
 *
 * <p>Lifecycle: one per client until it is logged in; the session drops it then (an idle session
 * should not keep what registering needed), and a CAP or AUTHENTICATE after login is answered by a
 * fresh one, which needs none of that state.
 *
 * <p>Threading: the session's thread only.
 */
final class Registration {
  /** The capabilities the door offers (CAP LS), in the order it lists them. */
  static final List<String> OFFERED =
      List.of(
          "account-tag",
          "away-notify",
          "batch",
          "cap-notify",
          "draft/channel-rename",
          "draft/chathistory",
          "echo-message",
          "invite-notify",
          "message-tags",
          "multi-prefix",
          "sasl",
          "server-time",
          "userhost-in-names");

  private static final int SASL_CHUNK = 400;
  private static final int MAX_REAL_NAME = 50; // shown to others in WHOIS, WHO and WHOWAS
  private static final int SASL_MAX = 4096; // base64 of a user name and a long password, with room

  private final IrcSession session;
  private String nick;
  private String userName; // "~" and what USER gave, or null before USER
  private String realName;
  private boolean negotiating; // CAP LS or REQ seen, CAP END not yet
  private String saslMechanism; // PLAIN while an AUTHENTICATE exchange runs
  private StringBuilder
      saslData; // made by the first AUTHENTICATE with data: most clients send none
  private String account; // the account SASL proved, or null

  Registration(IrcSession session) {
    this.session = session;
  }

  String nick() {
    return nick;
  }

  /** The user name the client gave (with its {@code ~}), or {@code *} before USER. */
  String userName() {
    return userName == null ? "*" : userName;
  }

  String realName() {
    return realName == null ? "" : realName;
  }

  // ---- commands before registration

  void nick(IrcMessage message, Response out) {
    if (message.params().isEmpty() || message.param(0).isEmpty()) {
      out.numeric("431", "No nickname given");
      return;
    }
    String asked = message.param(0);
    String problem = Names.nickProblem(asked);
    if (problem != null) {
      out.numeric("432", asked, "Erroneous nickname: " + problem);
      return;
    }
    nick = asked;
    finishIfReady(out);
  }

  void user(IrcMessage message, Response out) {
    if (message.params().size() < 4) {
      out.numeric("461", "USER", "Not enough parameters");
      return;
    }
    if (userName != null) {
      out.numeric("462", "You may not reregister");
      return;
    }
    String typed = message.param(0).replaceAll("[^A-Za-z0-9._\\-]", "");
    userName = "~" + (typed.isEmpty() ? "user" : typed.substring(0, Math.min(typed.length(), 9)));
    String real = dev.chatshell.chat.Text.visible(message.param(3)).strip();
    realName = real.length() <= MAX_REAL_NAME ? real : real.substring(0, MAX_REAL_NAME);
    finishIfReady(out);
  }

  /** CAP, before and after registration (IRCv3 capability negotiation, version 302). */
  void cap(IrcMessage message, Response out) {
    String sub = message.param(0, "").toUpperCase(Locale.ROOT);
    String me = session.nick();
    switch (sub) {
      case "LS" -> {
        if (session.user() == null) {
          negotiating = true;
        }
        boolean v302 = message.param(1, "").compareTo("302") >= 0;
        out.line(":" + out.server() + " CAP " + me + " LS :" + offered(v302));
      }
      case "LIST" ->
          out.line(
              ":"
                  + out.server()
                  + " CAP "
                  + me
                  + " LIST :"
                  + String.join(" ", new TreeSet<>(session.caps()))); // a stable order
      case "REQ" -> {
        if (session.user() == null) {
          negotiating = true;
        }
        String asked = message.param(1, "").strip();
        Set<String> enabled = new LinkedHashSet<>(session.caps());
        boolean ok = !asked.isEmpty();
        for (String cap : asked.split(" +")) {
          boolean off = cap.startsWith("-");
          String name = off ? cap.substring(1) : cap;
          if (!OFFERED.contains(name)) {
            ok = false;
            break;
          }
          if (off) {
            enabled.remove(name);
          } else {
            enabled.add(name);
          }
        }
        if (ok) {
          session.setCaps(enabled);
        }
        out.line(":" + out.server() + " CAP " + me + (ok ? " ACK :" : " NAK :") + asked);
      }
      case "END" -> {
        if (session.user() == null) {
          negotiating = false;
          finishIfReady(out);
        }
      }
      default -> out.numeric("410", sub.isEmpty() ? "*" : sub, "Invalid CAP command");
    }
  }

  private static String offered(boolean v302) {
    StringBuilder line = new StringBuilder();
    for (String cap : OFFERED) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(cap);
      if (v302 && cap.equals("sasl")) {
        line.append("=PLAIN");
      }
    }
    return line.toString();
  }

  /** AUTHENTICATE: SASL PLAIN, the one mechanism offered. */
  void authenticate(IrcMessage message, Response out) {
    if (session.user() != null || account != null) {
      out.numeric("907", "You have already authenticated using SASL");
      return;
    }
    String data = message.param(0, "");
    if (data.equals("*")) {
      reset();
      out.numeric("906", "SASL authentication aborted");
      return;
    }
    if (saslMechanism == null) {
      if (!data.equalsIgnoreCase("PLAIN")) {
        out.numeric("908", "PLAIN", "are available SASL mechanisms");
        out.numeric("904", "SASL authentication failed");
        return;
      }
      saslMechanism = "PLAIN";
      out.line("AUTHENTICATE +");
      return;
    }
    if (saslData == null) {
      saslData = new StringBuilder();
    }
    if (!data.equals("+")) {
      saslData.append(data);
    }
    if (saslData.length() > SASL_MAX) {
      reset();
      out.numeric("905", "SASL message too long");
      return;
    }
    if (data.length() == SASL_CHUNK) {
      return; // more to come
    }
    String payload = saslData.toString();
    reset();
    checkPlain(payload, out);
  }

  private void checkPlain(String payload, Response out) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      out.numeric("904", "SASL authentication failed: not base64");
      return;
    }
    // authorization identity NUL authentication identity NUL password
    String[] parts = new String(decoded, StandardCharsets.UTF_8).split("\0", -1);
    Arrays.fill(decoded, (byte) 0);
    if (parts.length != 3 || parts[1].isEmpty()) {
      out.numeric("904", "SASL authentication failed: malformed PLAIN message");
      return;
    }
    if (!parts[0].isEmpty() && !Names.key(parts[0]).equals(Names.key(parts[1]))) {
      out.numeric("904", "SASL authentication failed: cannot act as another account");
      return;
    }
    char[] password = parts[2].toCharArray();
    try {
      String name =
          session.domain().checkPassword(parts[1], password, session.connection().remoteAddress());
      account = name;
      String shown = nick == null ? name : nick;
      out.numeric(
          "900",
          userName == null
              ? Masks.of(shown, out.server())
              : Masks.of(shown, userName, out.server()),
          name,
          "You are now logged in as " + name);
      out.numeric("903", "SASL authentication successful");
    } catch (ChatException e) {
      out.numeric("904", "SASL authentication failed: " + e.getMessage());
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private void reset() {
    saslMechanism = null;
    saslData = null;
  }

  // ---- the login

  private void finishIfReady(Response out) {
    if (nick == null || userName == null || negotiating || session.user() != null) {
      return;
    }
    ChatServer chat = session.domain();
    String address = session.connection().remoteAddress();
    User user;
    try {
      if (account != null) {
        user = chat.loginProven(account, address, session.sink());
      } else {
        Optional<String> owner = chat.account(nick);
        if (owner.isPresent()) {
          out.numeric(
              "433",
              nick,
              "Nickname is registered: log in with SASL (account "
                  + owner.get()
                  + ") or choose another");
          nick = null;
          return;
        }
        user = chat.connect(nick, address, session.sink());
      }
    } catch (ChatException e) {
      refused(e, out);
      return;
    }
    Response welcome;
    try {
      welcome = welcome(user);
    } catch (RuntimeException e) {
      chat.disconnect(user, session.sink(), "login failed"); // no user left holding the nick
      throw e;
    }
    session.loggedIn(user, welcome);
  }

  private void refused(ChatException e, Response out) {
    switch (e.reason()) {
      case NAME_TAKEN -> {
        out.numeric("433", nick, "Nickname is already in use");
        nick = null;
      }
      case INVALID -> {
        out.numeric("432", nick, "Erroneous nickname: " + e.getMessage());
        nick = null;
      }
      case BANNED -> {
        out.numeric("465", "You are banned from this server: " + e.getMessage());
        out.line("ERROR :Closing link: " + nick + " (" + e.getMessage() + ")");
        session.quit("banned", out);
      }
      default -> {
        out.line("ERROR :Closing link: " + nick + " (" + e.getMessage() + ")");
        session.quit("refused", out);
      }
    }
  }

  /** 001 to 005, LUSERS and the MOTD, as clients expect them right after registration. */
  private Response welcome(User user) {
    IrcServerInfo info = session.server();
    Response out = new Response(info.name(), user.nick());
    // The mask every other line shows for this user (ident from the nick, host the server's).
    String mask = Masks.of(user.nick(), userName, info.name()); // as every line shows them
    out.numeric("001", "Welcome to the " + info.network() + " IRC Network " + mask);
    out.numeric(
        "002", "Your host is " + info.name() + ", running version chatshell-" + info.version());
    out.numeric(
        "003",
        "This server was created "
            + DateTimeFormatter.RFC_1123_DATE_TIME.format(info.started().atOffset(ZoneOffset.UTC)));
    out.line(
        ":"
            + info.name()
            + " 004 "
            + user.nick()
            + " "
            + info.name()
            + " chatshell-"
            + info.version()
            + " io "
            + Isupport.CHANNEL_MODES
            + " "
            + Isupport.CHANNEL_MODES_WITH_PARAMETER);
    for (List<String> tokens : Isupport.lines(info)) {
      String[] params = new String[tokens.size() + 1];
      for (int i = 0; i < tokens.size(); i++) {
        params[i] = tokens.get(i);
      }
      params[tokens.size()] = "are supported by this server";
      out.numeric("005", params);
    }
    Queries.lusers(session, out);
    Queries.motd(session, out);
    if (user.account() != null && account == null) {
      out.numeric("900", mask, user.account(), "You are now logged in as " + user.account());
    }
    return out;
  }
}
