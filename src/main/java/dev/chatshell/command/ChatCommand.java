package dev.chatshell.command;

/**
 * A slash command: one class per command, annotated with {@link SlashCommand}. Implementations are
 * stateless and shared by every session; they talk to the user only through the context and leave
 * every rule about who may do what to the chat domain.
 */
@FunctionalInterface
public interface ChatCommand {
  /**
   * Runs the command, with the words its {@link SlashCommand#arguments} declare: the table has
   * refused a line with one missing or too many. Refusals are thrown as {@link
   * dev.chatshell.chat.ChatException} (shown to the user as an error); an argument that is there
   * but does not fit the usage as {@link UsageException} (shown with the usage line).
   */
  void run(CommandContext context, Arguments arguments);
}
