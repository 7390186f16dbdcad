package dev.chatshell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The text after a command name, split into words on spaces. {@link #rest(int)} gives the raw
 * remainder from a word on, for free text such as a message or a reason.
 */
public final class Arguments {
  private final String raw;
  private final List<Integer> starts = new ArrayList<>();
  private final List<String> words = new ArrayList<>();

  public Arguments(String raw) {
    this.raw = raw;
    int i = 0;
    while (i < raw.length()) {
      while (i < raw.length() && raw.charAt(i) == ' ') {
        i++;
      }
      if (i == raw.length()) {
        break;
      }
      int start = i;
      while (i < raw.length() && raw.charAt(i) != ' ') {
        i++;
      }
      starts.add(start);
      words.add(raw.substring(start, i));
    }
  }

  public int count() {
    return words.size();
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** Word {@code index}, or {@code null} when there are fewer words. */
  public String word(int index) {
    return index < words.size() ? words.get(index) : null;
  }

  /**
   * Word {@code index}, which must be there; {@code what} names it in the error. The table already
   * refuses a line missing a word the command's declaration requires ({@link Arg}); this is for
   * words whose need depends on others.
   */
  public String required(int index, String what) {
    String word = word(index);
    if (word == null) {
      throw new UsageException("Missing " + what + ".");
    }
    return word;
  }

  /** The raw text from word {@code index} to the end (trailing spaces removed), or "". */
  public String rest(int index) {
    return index < starts.size() ? raw.substring(starts.get(index)).stripTrailing() : "";
  }

  /**
   * Fails when there are more than {@code max} words. The table already refuses more words than the
   * command's declaration takes ({@link Arg}); this is for counts that depend on the words.
   */
  public void atMost(int max) {
    if (words.size() > max) {
      throw new UsageException("Too many arguments.");
    }
  }
}
