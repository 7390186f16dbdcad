package dev.chatshell.shell;

import java.io.IOException;

/** A typed line was longer than the limit; it was dropped. */
final class LineTooLongException extends IOException {
  LineTooLongException(int limit) {
    super("Line too long: at most " + limit + " bytes; it was not sent.", null);
  }
}
