package dev.chatshell.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's framing, the origin check and the address a page is counted by. */
class WebFramesTest {
  @Test
  void dataAndResizeAreRead() {
    WebFrames.Message data = WebFrames.decode(ByteBuffer.wrap(new byte[] {0, 'h', 'i'}));
    assertArrayEquals(new byte[] {'h', 'i'}, ((WebFrames.Data) data).bytes());
    WebFrames.Message resize =
        WebFrames.decode(ByteBuffer.wrap(new byte[] {1, 0, (byte) 200, 0, 50}));
    assertEquals(new WebFrames.Resize(200, 50), resize);
  }

  @Test
  void anythingElseIsInvalid() {
    assertInstanceOf(WebFrames.Invalid.class, WebFrames.decode(ByteBuffer.allocate(0)));
    assertInstanceOf(
        WebFrames.Invalid.class, WebFrames.decode(ByteBuffer.wrap(new byte[] {1, 0, 80})));
    assertInstanceOf(WebFrames.Invalid.class, WebFrames.decode(ByteBuffer.wrap(new byte[] {7, 1})));
  }

  @Test
  void outputIsOneDataMessage() {
    ByteBuffer out = WebFrames.output(new byte[] {'x', 'a', 'b', 'y'}, 1, 2);
    assertEquals(3, out.remaining());
    assertEquals(WebFrames.DATA, out.get());
    assertEquals('a', out.get());
    assertEquals('b', out.get());
  }

  @Test
  void onlyThePagesOwnOriginMayOpenTheSocket() {
    assertTrue(WebDoor.sameOrigin("http://chat.example:8080", "chat.example:8080"));
    assertTrue(WebDoor.sameOrigin("https://Chat.Example", "chat.example"));
    assertFalse(WebDoor.sameOrigin("http://evil.example:8080", "chat.example:8080"));
    assertFalse(WebDoor.sameOrigin("http://chat.example", "chat.example:8080"));
    assertFalse(WebDoor.sameOrigin(null, "chat.example"));
    assertFalse(WebDoor.sameOrigin("null", "chat.example"));
    assertFalse(WebDoor.sameOrigin("file:///tmp/x.html", "chat.example"));
  }

  @Test
  void forwardedForIsBelievedFromTrustedProxiesOnly() {
    InetAddress proxy = InetAddress.ofLiteral("10.0.0.1");
    InetAddress client = InetAddress.ofLiteral("203.0.113.7");
    List<InetAddress> trusted = List.of(proxy);
    assertEquals(client, ClientAddress.of(proxy, "203.0.113.7", trusted));
    assertEquals(client, ClientAddress.of(proxy, "198.51.100.1, 203.0.113.7", trusted));
    assertEquals(client, ClientAddress.of(proxy, "203.0.113.7, 10.0.0.1", trusted));
    InetAddress stranger = InetAddress.ofLiteral("192.0.2.9");
    assertEquals(stranger, ClientAddress.of(stranger, "203.0.113.7", trusted));
    assertEquals(proxy, ClientAddress.of(proxy, null, trusted));
  }
}
