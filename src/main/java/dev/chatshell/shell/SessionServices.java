package dev.chatshell.shell;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What every session of a server shares, handed to each {@link Session} when it is made: a session
 * reaches nothing of its {@link SessionManager} but these.
 *
 * @param chat the domain; the full server, since logging in is not a command's business
 * @param commands the slash commands
 * @param settings the configuration sessions need
 * @param drops limits the log lines about dropped sessions (shared: a stream of them is one kind)
 * @param idleTimeout how long a logged-in user may send nothing before being disconnected (zero:
 *     never); asked on every keepalive tick, since it may be set after the sessions are made
 * @param shutdown stops the whole server at a user's request (who asked, and the reason), or
 *     refuses with a {@link dev.chatshell.chat.ChatException}
 */
public record SessionServices(
    ChatServer chat,
    CommandTable commands,
    ShellSettings settings,
    LogLimiter drops,
    Supplier<Duration> idleTimeout,
    BiConsumer<User, String> shutdown) {}
