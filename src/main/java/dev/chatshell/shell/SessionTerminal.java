package dev.chatshell.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Sized;
import org.jline.terminal.impl.AbstractTerminal;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * A remote user's terminal as JLine sees it: keys come from a {@link ConnectionReader}, output goes
 * to the connection. No native code, no pty and no threads.
 *
 * <p>There is no line discipline: the telnet layer already turned line ends into {@code '\n'},
 * nothing is echoed except by the line reader itself (so keys typed while a command runs are not
 * echoed raw), and Ctrl-C is an ordinary key that the reader binds to "interrupt".
 */
final class SessionTerminal extends AbstractTerminal {
  private final NonBlockingReader reader;
  private final OutputStream output;
  private final PrintWriter writer;
  private final Attributes attributes = new Attributes();
  private final TerminalCapabilities capabilities;
  private volatile Size size;

  SessionTerminal(
      String name, String type, NonBlockingReader reader, OutputStream output, Size size)
      throws IOException {
    super(name, type, StandardCharsets.UTF_8, SignalHandler.SIG_DFL);
    this.reader = reader;
    this.output = output;
    this.writer = new PrintWriter(new Utf8Writer(output));
    this.size = size;
    attributes.setLocalFlags(EnumSet.of(LocalFlag.IEXTEN));
    // The reader binds editing keys from these, as it would on a local tty.
    attributes.setControlChar(ControlChar.VEOF, 'D' - 64);
    attributes.setControlChar(ControlChar.VERASE, 127);
    attributes.setControlChar(ControlChar.VWERASE, 'W' - 64);
    attributes.setControlChar(ControlChar.VKILL, 'U' - 64);
    attributes.setControlChar(ControlChar.VLNEXT, 'V' - 64);
    attributes.setControlChar(ControlChar.VINTR, 'C' - 64);
    attributes.setControlChar(ControlChar.VMIN, 1);
    attributes.setControlChar(ControlChar.VTIME, 0);
    capabilities = TerminalCapabilities.of(type);
  }

  // Capabilities come from the shared, parsed-once table instead of per-terminal maps. JLine's
  // constructor already asks for some, before our fields are set.

  private TerminalCapabilities capabilities() {
    TerminalCapabilities known = capabilities;
    return known != null ? known : TerminalCapabilities.of(type);
  }

  @Override
  public boolean getBooleanCapability(Capability capability) {
    return capabilities().bools().contains(capability);
  }

  @Override
  public Integer getNumericCapability(Capability capability) {
    return capabilities().ints().get(capability);
  }

  @Override
  public String getStringCapability(Capability capability) {
    return capabilities().strings().get(capability);
  }

  @Override
  public NonBlockingReader reader() {
    return reader;
  }

  @Override
  public PrintWriter writer() {
    return writer;
  }

  @Override
  public InputStream input() {
    // Only JLine's mouse support reads bytes directly, and mouse tracking is never turned on.
    return InputStream.nullInputStream();
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public Attributes getAttributes() {
    synchronized (attributes) {
      return new Attributes(attributes);
    }
  }

  @Override
  public void setAttributes(Attributes attr) {
    synchronized (attributes) {
      attributes.copy(attr);
    }
  }

  @Override
  public Size getSize() {
    return new Size(size.getColumns(), size.getRows());
  }

  @Override
  public void setSize(Sized newSize) {
    this.size = new Size(newSize.getColumns(), newSize.getRows());
  }

  @Override
  public TerminalProvider getProvider() {
    return null;
  }

  @Override
  public SystemStream getSystemStream() {
    return null;
  }

  @Override
  protected void doClose() throws IOException {
    super.doClose();
    reader.close();
  }
}
