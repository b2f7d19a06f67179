package dev.lectern.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before Lectern sees it (a malformed request line, an
 * ambiguous path such as {@code //}, headers too large): the API's JSON error under {@code /api/},
 * plain text elsewhere, never Jetty's own HTML page with its version and, if enabled, stack.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String text =
        "the request was refused (" + code + (message == null ? "" : ": " + message) + ")";
    // the raw target: a path with a malformed escape has no decoded form
    String target =
        request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPathQuery());
    boolean api = target.startsWith("/api");
    String body = api ? "{\"error\":\"" + jsonEscape(text) + "\"}" : text + "\n";
    response
        .getHeaders()
        .put(
            HttpHeader.CONTENT_TYPE,
            api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }
}
