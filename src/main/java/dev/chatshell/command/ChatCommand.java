package dev.chatshell.command;

/**
 * A slash command: one class per command, annotated with {@link SlashCommand}. Implementations are
 * stateless and shared by every session; they talk to the user only through the context and leave
 * every rule about who may do what to the chat domain.
 */
@FunctionalInterface
public interface ChatCommand {
  /**
   * Runs the command. Refusals are thrown as {@link dev.chatshell.chat.ChatException} (shown to the
   * user as an error); a missing argument as {@link UsageException} (shown with the usage line).
   */
  void run(CommandContext context, Arguments arguments);
}
