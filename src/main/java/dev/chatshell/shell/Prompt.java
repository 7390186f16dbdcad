package dev.chatshell.shell;

import dev.chatshell.chat.User;

/**
 * The chat prompt of one session and what it was made from (nick, channel, away...). The line loop
 * makes one before each read; the outbox drain rebuilds it when an event changed what it shows.
 *
 * <p>Threading: the session's thread and the outbox drain. One monitor makes "what the prompt is
 * made from" and "the prompt handed to the reader" one step for both: else a drain between the two
 * left a stale prompt for good.
 */
final class Prompt {
  private Renderer.PromptKey shown; // guarded by this

  /** The prompt for the next line read, made from the user's state now. */
  synchronized String forNextLine(Shell shell, User user) {
    shell.forgetRefreshedPrompt(); // older than the state this prompt is made from
    shown = Renderer.promptKey(user);
    return shell.format(Renderer.prompt(user));
  }

  /** Brings the prompt of the line being typed up to date, only when what it shows has changed. */
  synchronized void refresh(Shell shell, User user) {
    Renderer.PromptKey key = Renderer.promptKey(user);
    if (!key.equals(shown)) {
      shown = key;
      shell.refreshPrompt(() -> shell.format(Renderer.prompt(user)));
    }
  }
}
