package dev.chatshell.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import org.apache.sshd.common.channel.LocalWindow;
import org.junit.jupiter.api.Test;

/**
 * Flow control: the window is given back as the session reads, never as bytes arrive, so a client
 * that types faster than its session reads is stopped by its own SSH window.
 */
class SshInputTest {
  private final LocalWindow window = mock(LocalWindow.class);
  private final SshInput input = new SshInput(window);

  SshInputTest() {
    when(window.isOpen()).thenReturn(true);
  }

  @Test
  void arrivingBytesTakeWindowThatOnlyReadingGivesBack() throws Exception {
    byte[] flood = new byte[10_000];
    assertEquals(0, input.data(null, flood, 0, flood.length), "nothing released on arrival");
    verify(window, never()).release(org.mockito.ArgumentMatchers.anyLong());
    byte[] into = new byte[4096];
    assertEquals(4096, input.read(into, 0, into.length, 100));
    verify(window).release(4096);
    assertEquals(4096, input.read(into, 0, into.length, 100));
    assertEquals(1808, input.read(into, 0, into.length, 100));
    verify(window).release(1808);
  }

  @Test
  void anExecCommandIsReadFirstAndTakesNoWindow() throws Exception {
    input.preset("/who\n".getBytes(StandardCharsets.US_ASCII));
    input.data(null, "hi\n".getBytes(StandardCharsets.US_ASCII), 0, 3);
    byte[] into = new byte[64];
    int n = input.read(into, 0, into.length, 100);
    assertEquals("/who\n", new String(into, 0, n, StandardCharsets.US_ASCII));
    verify(window, never()).release(org.mockito.ArgumentMatchers.anyLong());
    n = input.read(into, 0, into.length, 100);
    assertEquals("hi\n", new String(into, 0, n, StandardCharsets.US_ASCII));
    verify(window).release(3);
  }

  @Test
  void aReadTimesOutWithZeroAndEndsWithMinusOne() throws Exception {
    byte[] into = new byte[8];
    assertEquals(0, input.read(into, 0, into.length, 20));
    input.data(null, new byte[] {'x'}, 0, 1);
    input.close();
    assertEquals(1, input.read(into, 0, into.length, 20), "what came before the end is read");
    assertEquals(-1, input.read(into, 0, into.length, 20));
  }
}
