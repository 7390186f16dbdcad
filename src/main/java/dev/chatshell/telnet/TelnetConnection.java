package dev.chatshell.telnet;

import static dev.chatshell.telnet.Telnet.DO;
import static dev.chatshell.telnet.Telnet.DONT;
import static dev.chatshell.telnet.Telnet.ECHO;
import static dev.chatshell.telnet.Telnet.IAC;
import static dev.chatshell.telnet.Telnet.NAWS;
import static dev.chatshell.telnet.Telnet.SB;
import static dev.chatshell.telnet.Telnet.SE;
import static dev.chatshell.telnet.Telnet.SGA;
import static dev.chatshell.telnet.Telnet.TIMING_MARK;
import static dev.chatshell.telnet.Telnet.TTYPE;
import static dev.chatshell.telnet.Telnet.TTYPE_IS;
import static dev.chatshell.telnet.Telnet.TTYPE_SEND;
import static dev.chatshell.telnet.Telnet.WILL;
import static dev.chatshell.telnet.Telnet.WONT;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One telnet client. On {@link #awaitTerminal()} it offers to echo and suppress go-ahead and asks
 * for the window size and terminal type, then decides: a client that accepts our echo gets
 * character mode; one that refuses, or says nothing within the negotiation timeout, or sends data
 * before any telnet command (nc, scripts), gets plain line mode, and from then on is never sent a
 * telnet command it did not ask for.
 *
 * <p>Options follow RFC 1143's rule of never answering a reply, so negotiation cannot loop. The
 * reading side belongs to the session's thread; {@link #output()} and {@link #close()} are
 * thread-safe.
 */
public final class TelnetConnection implements Connection, TelnetDecoder.Handler {
  private static final Logger log = LoggerFactory.getLogger(TelnetConnection.class);

  // RFC 1143 states of an option on one side
  private static final int NO = 0;
  private static final int WANT_YES = 1;
  private static final int YES = 2;

  private static final int MAX_TYPE_LENGTH = 40;

  private final Socket socket;
  private final InputStream in;
  private final TelnetOutput out;
  private final Duration negotiationTimeout;
  private final TelnetDecoder decoder = new TelnetDecoder();
  private final byte[] inBuffer = new byte[512];
  private int pendingOffset;
  private int pendingLength;

  private int usEcho = NO;
  private int usSga = NO;
  private int himSga = NO;
  private int himNaws = NO;
  private int himTtype = NO;
  private boolean nawsReceived;
  private boolean ttypeReceived;
  private boolean spokeTelnet;
  private boolean clientEditsLines;
  private TerminalInfo terminal;
  private int columns;
  private int rows;
  private String type;
  private volatile ResizeListener resizeListener;
  private volatile long lastHeard = System.nanoTime();

  public TelnetConnection(Socket socket, Duration negotiationTimeout) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = new TelnetOutput(socket.getOutputStream());
    this.negotiationTimeout = negotiationTimeout;
  }

  @Override
  public String remoteAddress() {
    return socket.getInetAddress().getHostAddress();
  }

  @Override
  public String transport() {
    return "telnet";
  }

  @Override
  public boolean encrypted() {
    return false;
  }

  @Override
  public TerminalInfo awaitTerminal() throws IOException {
    if (terminal != null) {
      return terminal;
    }
    usEcho = WANT_YES;
    usSga = WANT_YES;
    himSga = WANT_YES;
    himNaws = WANT_YES;
    himTtype = WANT_YES;
    out.command(
        concat(
            Telnet.option(WILL, ECHO),
            Telnet.option(WILL, SGA),
            Telnet.option(DO, SGA),
            Telnet.option(DO, NAWS),
            Telnet.option(DO, TTYPE)));
    long deadline = System.nanoTime() + negotiationTimeout.toNanos();
    while (!negotiationDone()) {
      if (pendingLength > 0 && !spokeTelnet) {
        break; // data before any answer: a plain client such as nc or a script
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      int room = inBuffer.length - (pendingOffset + pendingLength);
      if (left <= 0 || room == 0) {
        break;
      }
      int n = fill(pendingOffset + pendingLength, room, left);
      if (n < 0) {
        break;
      }
      pendingLength += n;
    }
    boolean character = usEcho == YES;
    if (!character) {
      usEcho = NO; // a late "DO ECHO" is then answered "WONT": plain line mode stays plain
    }
    if (!spokeTelnet) {
      // Not a telnet peer: its output needs no IAC doubling. Input is still decoded as telnet,
      // so answers that arrive late (a slow link, a bot library) are understood, not typed.
      out.setEscapeIac(false);
    }
    terminal = new TerminalInfo(character, type, columns, rows);
    log.debug("{} negotiated {}", remoteAddress(), terminal);
    return terminal;
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException {
    long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
    while (pendingLength == 0) {
      long left = 0; // 0: wait as long as it takes
      if (deadline != 0) {
        long nanosLeft = deadline - System.nanoTime();
        if (nanosLeft <= 0) {
          return 0;
        }
        left = Math.max(1, nanosLeft / 1_000_000);
      }
      pendingOffset = 0;
      int n = fill(0, inBuffer.length, left);
      if (n < 0) {
        return -1;
      }
      pendingLength = n;
    }
    int n = Math.min(length, pendingLength);
    System.arraycopy(inBuffer, pendingOffset, buffer, offset, n);
    pendingOffset += n;
    pendingLength -= n;
    return n;
  }

  /**
   * Reads one chunk from the socket into {@code inBuffer} at {@code at} and decodes it there;
   * returns the number of data bytes (0 if it held only commands or the time ran out), -1 at end.
   */
  private int fill(int at, int room, long timeoutMillis) throws IOException {
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, timeoutMillis)));
    int n;
    try {
      n = in.read(inBuffer, at, room);
    } catch (SocketTimeoutException e) {
      return 0;
    }
    if (n < 0) {
      return -1;
    }
    lastHeard = System.nanoTime();
    return decoder.decode(inBuffer, at, n, this);
  }

  @Override
  public OutputStream output() {
    return out;
  }

  @Override
  public void setClientEcho(boolean echo) throws IOException {
    if (echo && usEcho != NO) {
      usEcho = NO;
      out.command(Telnet.option(WONT, ECHO));
    } else if (!echo && usEcho == NO && spokeTelnet) {
      usEcho = WANT_YES; // "I will echo" (and echo nothing): the client stops echoing
      out.command(Telnet.option(WILL, ECHO));
    }
  }

  /**
   * Retracts SGA from a character-mode client, so it edits lines itself: netkit telnet and busybox
   * telnet go to line-by-line mode when the server will neither echo nor suppress go-ahead. A
   * client that then asks for SGA again is refused, so the mode stays.
   */
  @Override
  public void letClientEditLines() throws IOException {
    if (terminal == null || !terminal.characterMode() || clientEditsLines) {
      return; // a plain client edits already, and is sent nothing it did not ask for
    }
    clientEditsLines = true;
    if (usSga != NO) {
      usSga = NO;
      out.command(Telnet.option(WONT, SGA));
    }
  }

  @Override
  public void onResize(ResizeListener listener) {
    this.resizeListener = listener;
  }

  @Override
  public boolean ping() throws IOException {
    if (!spokeTelnet) {
      return false;
    }
    // Any telnet client must answer DO TIMING-MARK with WILL or WONT (RFC 860): our TIC/TOC.
    out.command(Telnet.option(DO, TIMING_MARK));
    return true;
  }

  @Override
  public long lastHeardNanos() {
    return lastHeard;
  }

  @Override
  public boolean isOpen() {
    return !socket.isClosed();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing {}: {}", remoteAddress(), e.toString());
    }
  }

  // ---- TelnetDecoder.Handler: runs on the reading thread ----

  @Override
  public void option(int verb, int option) {
    spokeTelnet = true;
    try {
      switch (verb) {
        case WILL -> peerWill(option);
        case WONT -> peerWont(option);
        case DO -> peerDo(option);
        case DONT -> peerDont(option);
        default -> {}
      }
    } catch (IOException e) {
      log.debug("{}: answer to {} {} failed: {}", remoteAddress(), verb, option, e.toString());
    }
  }

  private void peerWill(int option) throws IOException {
    if (option == TIMING_MARK) {
      return; // answer to our ping; lastHeard already moved
    }
    if (option != SGA && option != NAWS && option != TTYPE) {
      out.command(Telnet.option(DONT, option));
      return;
    }
    int state = him(option);
    if (state == YES) {
      return;
    }
    if (state == NO) {
      out.command(Telnet.option(DO, option)); // the client offers; we welcome these three
    }
    setHim(option, YES);
    if (option == TTYPE) {
      out.command(
          new byte[] {
            (byte) IAC, (byte) SB, (byte) TTYPE, (byte) TTYPE_SEND, (byte) IAC, (byte) SE
          });
    }
  }

  private void peerWont(int option) throws IOException {
    if (option != SGA && option != NAWS && option != TTYPE) {
      return;
    }
    if (him(option) == YES) {
      out.command(Telnet.option(DONT, option));
    }
    setHim(option, NO);
  }

  private void peerDo(int option) throws IOException {
    if (option == TIMING_MARK) {
      out.command(Telnet.option(WILL, TIMING_MARK));
      return;
    }
    if (option == ECHO
        && usEcho == NO
        && (clientEditsLines || terminal != null && !terminal.characterMode())) {
      out.command(Telnet.option(WONT, ECHO)); // unasked: plain line mode stays plain
      return;
    }
    if (option != ECHO && option != SGA || option == SGA && clientEditsLines) {
      out.command(Telnet.option(WONT, option));
      return;
    }
    int state = option == ECHO ? usEcho : usSga;
    if (state == NO) {
      out.command(Telnet.option(WILL, option));
    }
    if (option == ECHO) {
      usEcho = YES;
    } else {
      usSga = YES;
    }
  }

  private void peerDont(int option) throws IOException {
    if (option != ECHO && option != SGA) {
      return;
    }
    int state = option == ECHO ? usEcho : usSga;
    if (state == YES) {
      out.command(Telnet.option(WONT, option));
    }
    if (option == ECHO) {
      usEcho = NO;
    } else {
      usSga = NO;
    }
  }

  @Override
  public void subnegotiation(int option, byte[] data, int length) {
    spokeTelnet = true;
    if (option == NAWS && length == 4) {
      int width = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
      int height = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
      nawsReceived = true;
      if (width == 0 || height == 0) {
        return; // "unknown" per RFC 1073
      }
      int newColumns = TerminalInfo.clampColumns(width);
      int newRows = TerminalInfo.clampRows(height);
      if (newColumns != columns || newRows != rows) {
        columns = newColumns;
        rows = newRows;
        log.debug("{} window is now {}x{}", this, columns, rows);
        ResizeListener listener = resizeListener;
        if (listener != null) {
          listener.resized(columns, rows);
        }
      }
    } else if (option == TTYPE && length >= 1 && data[0] == TTYPE_IS && !ttypeReceived) {
      ttypeReceived = true;
      String name = new String(data, 1, length - 1, StandardCharsets.US_ASCII);
      if (name.length() <= MAX_TYPE_LENGTH && name.matches("[A-Za-z0-9._+-]+")) {
        type = name;
      }
    }
  }

  @Override
  public void command(int command) {
    spokeTelnet = true;
  }

  /**
   * True once the answers that decide the mode have come: echo, window size and terminal type (with
   * their sub-negotiations). SGA answers are not awaited: some clients (busybox) never give one.
   */
  private boolean negotiationDone() {
    return usEcho != WANT_YES
        && himNaws != WANT_YES
        && himTtype != WANT_YES
        && (himNaws != YES || nawsReceived)
        && (himTtype != YES || ttypeReceived);
  }

  private int him(int option) {
    return switch (option) {
      case SGA -> himSga;
      case NAWS -> himNaws;
      default -> himTtype;
    };
  }

  private void setHim(int option, int state) {
    switch (option) {
      case SGA -> himSga = state;
      case NAWS -> himNaws = state;
      default -> himTtype = state;
    }
  }

  private static byte[] concat(byte[]... parts) {
    int total = 0;
    for (byte[] part : parts) {
      total += part.length;
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  @Override
  public String toString() {
    return "telnet:" + remoteAddress() + ":" + socket.getPort();
  }
}
