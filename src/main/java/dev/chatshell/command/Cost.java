package dev.chatshell.command;

/**
 * What running a command costs in flood control, declared on its {@link SlashCommand}: flood
 * control counts what reaches other people, so a bot that only reads is never warned.
 */
public enum Cost {
  /**
   * Reaches other people or changes what they see (a message, a join, a kick, a topic): counts like
   * a line of chat, and waits for its turn when the user sends too fast. The default.
   */
  LINE,
  /**
   * Only shows the user something (/WHO, /LIST, /HELP), or ends their session (/BYE): costs nothing
   * and runs at once, ahead of chat lines that flood control holds back.
   */
  NONE
}
