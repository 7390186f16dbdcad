package dev.chatshell.config;

/** The configuration cannot be used; the message says which setting and why. */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
