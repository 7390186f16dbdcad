package dev.chatshell.transport;

/**
 * What the transport learned about the client's terminal.
 *
 * @param characterMode true when the client lets the server echo and edit the line (a real
 *     terminal); false for a plain line client that gets no echo and no escape sequences
 * @param type the terminal type the client reported, unchecked, or {@code null}
 * @param columns width, or 0 when unknown
 * @param rows height, or 0 when unknown
 */
public record TerminalInfo(boolean characterMode, String type, int columns, int rows) {}
