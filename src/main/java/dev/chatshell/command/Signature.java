package dev.chatshell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A command's arguments as its {@link SlashCommand} declares them, and all that follows from that
 * one declaration: the usage line, what TAB completes at each word, and whether a line has the
 * words the command needs, checked by the table before the command runs.
 *
 * <p>Words fill the arguments in order. An optional argument with a {@link Arg#pattern} that other
 * arguments follow takes a word only when it matches, so {@code [#channel|*] <target>} reads {@code
 * bob} as the target; an argument taking the rest of the line takes every word left.
 */
public final class Signature {
  /** The channel a {@link ChannelArgument#FIRST} command may name first: any word. */
  private static final Parameter CHANNEL =
      new Parameter("channel", "channel", Completion.CHANNEL, true, false, null, "");

  /** The place a {@link ChannelArgument#SCOPE} command may name first: a #channel, or *. */
  private static final Parameter SCOPE =
      new Parameter(
          "#channel|*",
          "#channel or *",
          Completion.NONE,
          true,
          false,
          Pattern.compile("\\*|#.*"),
          "");

  /** For a word past the last argument, in what {@link #fill} returns. */
  private static final int NONE = -1;

  /** One argument, read from its {@link Arg}. */
  private record Parameter(
      String name,
      String what,
      Completion completes,
      boolean optional,
      boolean rest,
      Pattern pattern,
      String ifMissing) {

    /** {@code <nick>}, {@code [reason]}; a list of nicks shows as {@code <nick>[;<nick>...]}. */
    String token() {
      String list = completes == Completion.NICK_LIST ? "[;<" + name + ">...]" : "";
      return optional ? "[" + name + list + "]" : "<" + name + ">" + list;
    }

    /** Whether it lets {@code word} go to the argument after it. */
    boolean leavesOut(String word) {
      return optional && pattern != null && !pattern.matcher(word).matches();
    }
  }

  private final List<Parameter> parameters;

  private Signature(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /**
   * The signature a declaration gives; throws {@link IllegalArgumentException} when its arguments
   * cannot be told apart (a required one after one that may be left out), when an argument other
   * than the last takes the rest of the line, or when a name or pattern is not one.
   */
  static Signature of(SlashCommand spec) {
    List<Parameter> parameters = new ArrayList<>();
    switch (spec.channelArgument()) {
      case FIRST -> parameters.add(CHANNEL);
      case SCOPE -> parameters.add(SCOPE);
      case NONE -> {}
    }
    for (Arg arg : spec.arguments()) {
      if (!arg.name().matches("[^\\s<>\\[\\]]+")) {
        throw new IllegalArgumentException(
            "argument name '" + arg.name() + "' is empty or has spaces or brackets");
      }
      Pattern pattern;
      try {
        pattern = arg.pattern().isEmpty() ? null : Pattern.compile(arg.pattern());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "the pattern of argument " + arg.name() + " is no regular expression: " + e);
      }
      parameters.add(
          new Parameter(
              arg.name(),
              arg.what().isEmpty() ? arg.name() : arg.what(),
              arg.completes(),
              arg.optional(),
              arg.rest(),
              pattern,
              arg.ifMissing()));
    }
    boolean ambiguous = false;
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (p.rest() && i < parameters.size() - 1) {
        throw new IllegalArgumentException(
            "argument " + p.name() + " takes the rest of the line but is not the last");
      }
      if (!p.optional() && ambiguous) {
        throw new IllegalArgumentException(
            "required argument "
                + p.name()
                + " follows an optional one without a pattern: which word is which?");
      }
      ambiguous |= p.optional() && p.pattern() == null;
    }
    return new Signature(parameters);
  }

  /** The arguments as a usage line shows them, {@code <nick> [reason]}; "" when there are none. */
  public String usage() {
    List<String> tokens = new ArrayList<>();
    for (Parameter p : parameters) {
      tokens.add(p.token());
    }
    return String.join(" ", tokens);
  }

  /**
   * What TAB completes for the last of {@code typed}, the words after the command name, the last
   * one being the word under the cursor (empty when nothing is typed yet).
   */
  public Completion completes(List<String> typed) {
    int[] filled = fill(typed);
    int last = filled.length == 0 ? NONE : filled[filled.length - 1];
    return last == NONE ? Completion.NONE : parameters.get(last).completes();
  }

  /**
   * Why these arguments do not fit, as a one-line error ending with {@code synopsis} ("Missing
   * nick. Usage: /KICK <nick> [reason]", "Too many arguments. Usage: ..."), or {@code null} when
   * they do. An argument that words its own error ({@link Arg#ifMissing}) gives that alone.
   */
  String refusal(Arguments arguments, String synopsis) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < arguments.count(); i++) {
      words.add(arguments.word(i));
    }
    int[] filled = fill(words);
    boolean[] given = new boolean[parameters.size()];
    boolean surplus = false;
    for (int index : filled) {
      if (index == NONE) {
        surplus = true;
      } else {
        given[index] = true;
      }
    }
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (!p.optional() && !given[i]) {
        return p.ifMissing().isEmpty()
            ? "Missing " + p.what() + ". Usage: " + synopsis
            : p.ifMissing();
      }
    }
    return surplus ? "Too many arguments. Usage: " + synopsis : null;
  }

  /** The index of the argument each word fills, in order; {@link #NONE} past the last one. */
  private int[] fill(List<String> words) {
    int[] filled = new int[words.size()];
    int next = 0;
    for (int w = 0; w < filled.length; w++) {
      while (next < parameters.size() - 1 && parameters.get(next).leavesOut(words.get(w))) {
        next++;
      }
      if (next == parameters.size()) {
        filled[w] = NONE;
        continue;
      }
      filled[w] = next;
      if (!parameters.get(next).rest()) {
        next++;
      }
    }
    return filled;
  }
}
