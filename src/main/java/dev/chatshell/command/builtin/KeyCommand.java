package dev.chatshell.command.builtin;

import dev.chatshell.chat.AccountKey;
import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code KEY [ADD|LIST|DEL] [key-line|fingerprint]}: the SSH public keys of the user's account. A
 * session that proves it holds one of them logs in to the account without its password.
 *
 * <ul>
 *   <li>{@code /KEY ADD <line>} adds the key of an OpenSSH public-key line (the {@code .pub} file);
 *       {@code /KEY ADD} alone, over SSH, adds the key the session logged in with;
 *   <li>{@code /KEY LIST} (or {@code /KEY}) lists them: fingerprint, comment, when added;
 *   <li>{@code /KEY DEL <fingerprint>} removes one ({@code SHA256:...} as listed).
 * </ul>
 */
@SlashCommand(
    name = "KEY",
    arguments = {
      @Arg(name = "ADD|LIST|DEL", optional = true),
      @Arg(name = "key-line|fingerprint", optional = true, rest = true)
    },
    summary = "add, list or remove the SSH keys that log you in to your account",
    privilege = Privilege.ANYONE)
public final class KeyCommand implements ChatCommand {
  private static final DateTimeFormatter ADDED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public void run(CommandContext context, Arguments arguments) {
    String action = arguments.word(0);
    String rest = arguments.rest(1);
    switch (action == null ? "LIST" : action.toUpperCase(Locale.ROOT)) {
      case "ADD" -> add(context, rest);
      case "LIST" -> {
        if (rest != null && !rest.isBlank()) {
          throw new ChatException(
              ChatException.Reason.INVALID, "/KEY LIST takes nothing after it.", rest);
        }
        list(context);
      }
      case "DEL" -> {
        if (rest == null || rest.isBlank()) {
          throw new ChatException(
              ChatException.Reason.INVALID,
              "Give the fingerprint of the key to remove: /KEY DEL SHA256:... (/KEY LIST shows"
                  + " them).");
        }
        context.chat().removeKey(rest.strip());
      }
      default ->
          throw new ChatException(
              ChatException.Reason.INVALID,
              "/KEY takes ADD, LIST or DEL, not " + action + ".",
              action);
    }
  }

  private static void add(CommandContext context, String line) {
    if (line != null && !line.isBlank()) {
      context.chat().addKey(line);
      return;
    }
    String proven =
        context
            .sessionKey()
            .orElseThrow(
                () ->
                    new ChatException(
                        ChatException.Reason.INVALID,
                        "Give the key line: /KEY ADD ssh-ed25519 AAAA... (your .pub file); over"
                            + " SSH, /KEY ADD alone adds the key you logged in with."));
    context.chat().addKey(proven);
  }

  private static void list(CommandContext context) {
    List<AccountKey> keys = context.chat().keys();
    String account = context.user().account();
    if (keys.isEmpty()) {
      context.reply(
          "The account "
              + account
              + " has no keys; /KEY ADD <public key line> adds one"
              + (context.sessionKey().isPresent()
                  ? ", /KEY ADD alone the one you logged in with."
                  : "."));
      return;
    }
    context.reply("The keys of the account " + account + " (" + keys.size() + "):");
    for (AccountKey key : keys) {
      context.reply(
          "  "
              + key.fingerprint()
              + "  "
              + (key.comment().isEmpty() ? "(no comment)" : key.comment())
              + "  "
              + key.type()
              + "  added "
              + ADDED.format(key.added())
              + " UTC");
    }
  }
}
