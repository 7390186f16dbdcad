package dev.chatshell.command.builtin;

import java.util.Arrays;

/** Clearing passwords typed for a command once it is done with them. */
final class Passwords {
  private Passwords() {}

  static void wipe(char[]... passwords) {
    for (char[] password : passwords) {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }
}
