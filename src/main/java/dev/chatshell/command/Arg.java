package dev.chatshell.command;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One argument of a {@link SlashCommand}, declared once: the usage line ({@code <nick>}, {@code
 * [reason]}), what TAB completes there and the command table's count of words all come from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Arg {
  /** As the usage line shows it, without brackets: {@code nick}, {@code on|off|toggle}. */
  String name();

  /** What TAB completes for it. */
  Completion completes() default Completion.NONE;

  /** May be left out: shown as {@code [name]}, else as {@code <name>}. */
  boolean optional() default false;

  /** Takes the rest of the line, spaces and all (a message, a reason); only the last may. */
  boolean rest() default false;

  /** Names it in the error when it is missing, "Missing {what}."; the name when left empty. */
  String what() default "";

  /**
   * The whole error when it is missing, for a command that words it its own way (it should say how
   * to type the command); left empty, the error is "Missing {what}." with the usage line.
   */
  String ifMissing() default "";

  /**
   * For an optional argument that other arguments follow: the words it takes, as a regular
   * expression; a word that does not match leaves it out and goes to the next argument, as a number
   * typed to {@code /HISTORY [nick] [n]} is the count. Left empty, it takes any word.
   */
  String pattern() default "";
}
