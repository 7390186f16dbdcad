package dev.chatshell.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the page and its few files, read from the jar once: nothing else, and never a file of the
 * server's disk (any other path is a plain 404). Every answer carries a strict Content Security
 * Policy: scripts, styles and the WebSocket from this server only, no frames, no plugins. ({@code
 * 'unsafe-inline'} styles: the terminal emulator sets element styles as it draws.)
 */
final class PageHandler extends Handler.Abstract {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self';"
          + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private record File(byte[] bytes, String type) {}

  private final Map<String, File> files;

  PageHandler(String serverName) {
    this.files =
        Map.of(
            "/", file("index.html", "text/html; charset=utf-8"),
            "/app.js", file("app.js", "text/javascript; charset=utf-8"),
            "/app.css", file("app.css", "text/css; charset=utf-8"),
            "/xterm.js", file("vendor/xterm.js", "text/javascript; charset=utf-8"),
            "/xterm.css", file("vendor/xterm.css", "text/css; charset=utf-8"),
            "/addon-fit.js", file("vendor/addon-fit.js", "text/javascript; charset=utf-8"));
  }

  private static File file(String name, String type) {
    try (InputStream in = PageHandler.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the page's file web/" + name + " is not in the jar");
      }
      return new File(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    File file = files.get(Request.getPathInContext(request));
    if (file == null) {
      Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      return true;
    }
    if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
      return true;
    }
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.type());
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, file.bytes().length);
    response.write(
        true,
        HttpMethod.HEAD.is(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(file.bytes()),
        callback);
    return true;
  }
}
