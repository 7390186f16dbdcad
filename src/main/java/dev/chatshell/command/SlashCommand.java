package dev.chatshell.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link ChatCommand}: its name, arguments, one-line summary and — in this one visible
 * place — the minimum privilege the command table enforces before it runs. The same data feeds
 * /HELP, TAB completion, the man page and the table's check of the number of arguments.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SlashCommand {
  /** Name without the slash, upper case: {@code KICK}. */
  String name();

  /**
   * The arguments after the name, in order; none by default. The usage line ({@code <nick>
   * [reason]}), TAB completion and the number of words the table lets through derive from them. A
   * channel named first ({@link #channelArgument}) is declared there, not here.
   */
  Arg[] arguments() default {};

  /** What the command does, in one line. */
  String summary();

  /** The least a user must be, where they are, to run it. */
  Privilege privilege();

  /** What it costs in flood control: a line, unless it only shows the user something. */
  Cost cost() default Cost.LINE;

  /**
   * Whether the first argument may name the channel the command acts on (see the enum); that
   * argument then comes before the declared {@link #arguments}, as {@code [channel]} or {@code
   * [#channel|*]}.
   */
  ChannelArgument channelArgument() default ChannelArgument.NONE;

  /**
   * True for commands that only mean something to a user logged in to an account ({@code /PASSWD}):
   * /HELP lists them to account holders only.
   */
  boolean forAccounts() default false;
}
