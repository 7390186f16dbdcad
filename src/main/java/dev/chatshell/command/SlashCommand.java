package dev.chatshell.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link ChatCommand}: its name, syntax, one-line summary and — in this one visible
 * place — the minimum privilege the command table enforces before it runs. The same data feeds
 * /HELP, TAB completion and the man page.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SlashCommand {
  /** Name without the slash, upper case: {@code KICK}. */
  String name();

  /** Arguments after the name, e.g. {@code <nick> [reason]}; empty when there are none. */
  String usage() default "";

  /** What the command does, in one line. */
  String summary();

  /** The least a user must be, where they are, to run it. */
  Privilege privilege();

  /** What TAB completes for each argument, by position; the last one repeats. */
  Completion[] completes() default {};

  /** What it costs in flood control: a line, unless it only shows the user something. */
  Cost cost() default Cost.LINE;

  /** Whether the first argument may name the channel the command acts on (see the enum). */
  ChannelArgument channelArgument() default ChannelArgument.NONE;

  /**
   * True for commands that only mean something to a user logged in to an account ({@code /PASSWD}):
   * /HELP lists them to account holders only.
   */
  boolean forAccounts() default false;
}
