package dev.chatshell.command.builtin;

import dev.chatshell.auth.NewPassword;
import dev.chatshell.auth.PublicKeyLine;
import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code REGISTER [channel]}: without an argument, registers the user's nick as an account, asking
 * for the password twice without showing it; with a channel the user is main admin of, registers
 * that channel to their account.
 */
@SlashCommand(
    name = "REGISTER",
    arguments = @Arg(name = "channel", optional = true, completes = Completion.MY_CHANNEL),
    summary = "register your nick (asks for a password), or a channel you are main admin of",
    privilege = Privilege.ANYONE)
public final class RegisterCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String channel = arguments.word(0);
    if (channel != null) {
      context.chat().registerChannel(channel);
      return;
    }
    String account = context.user().account();
    if (account != null) {
      throw new ChatException(
          ChatException.Reason.ALREADY,
          "You are logged in to the account " + account + " already; /PASSWD changes its password.",
          account);
    }
    try (NewPassword typed =
        NewPassword.ask(context::readSecret, "Password for " + context.user().nick() + ": ")) {
      if (typed.outcome() == NewPassword.Outcome.DIFFERENT) {
        throw new ChatException(
            ChatException.Reason.INVALID, "The two passwords differ; nothing was registered.");
      }
      if (typed.outcome() == NewPassword.Outcome.GIVEN) {
        context.chat().register(typed.password());
        offerSessionKey(context);
      }
    }
  }

  /**
   * Over SSH, a session that logged in with a key: says that /KEY ADD lets that key log in to the
   * new account (not done unasked: the key may be a shared or borrowed one).
   */
  private static void offerSessionKey(CommandContext context) {
    context
        .sessionKey()
        .ifPresent(
            line -> {
              try {
                String fingerprint = PublicKeyLine.parse(line).fingerprint();
                context.reply(
                    "You logged in with the key "
                        + fingerprint
                        + "; /KEY ADD adds it to "
                        + context.user().account()
                        + ", so that it logs you in without a password.");
              } catch (IllegalArgumentException e) {
                // a kind of key accounts cannot have: nothing to offer
              }
            });
  }
}
