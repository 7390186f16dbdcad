package dev.chatshell.config;

import dev.chatshell.chat.Text;

/**
 * The configuration cannot be used; the message says which setting and why. The message quotes what
 * the file held, so it is made visible: a control character or escape sequence in a file must not
 * act on the operator's terminal or split the log line.
 */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(Text.visible(message));
  }
}
