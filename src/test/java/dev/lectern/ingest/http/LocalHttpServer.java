package dev.lectern.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free local port whose answers a test scripts: normal replies, redirects,
 * and the failures a remote API produces (a dropped connection, a body cut short). Records every
 * request it saw.
 */
public final class LocalHttpServer implements AutoCloseable {
  /** A request as the server saw it; {@code params} are the decoded query parameters. */
  public record Request(
      String path, String rawQuery, Map<String, String> params, String userAgent) {
    public String param(String name) {
      return params.get(name);
    }
  }

  /** What to answer. */
  public sealed interface Reply {
    /** An ordinary response. */
    record Response(int status, Map<String, String> headers, String body) implements Reply {}

    /** Close the connection without any response, as a crashed proxy would. */
    record Drop() implements Reply {}

    /** Announce the whole body, send only its first half, then close the connection. */
    record CutShort(String body) implements Reply {}

    static Reply ok(String body) {
      return new Response(200, Map.of("Content-Type", "text/xml; charset=UTF-8"), body);
    }

    static Reply status(int status, String body) {
      return new Response(status, Map.of(), body);
    }

    static Reply withHeader(int status, String header, String value) {
      return new Response(status, Map.of(header, value), "");
    }

    static Reply drop() {
      return new Drop();
    }
  }

  @FunctionalInterface
  public interface Handler {
    Reply handle(Request request, LocalHttpServer server) throws IOException;
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LocalHttpServer(int port, Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
  }

  public static LocalHttpServer start(Handler handler) throws IOException {
    return new LocalHttpServer(0, handler);
  }

  /** A server on a given port: one that refused connections a moment ago, say. */
  public static LocalHttpServer start(int port, Handler handler) throws IOException {
    return new LocalHttpServer(port, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** An absolute URI on this server, e.g. {@code uri("/oai")}. */
  public URI uri(String pathAndQuery) {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + pathAndQuery);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    URI u = exchange.getRequestURI();
    Request request =
        new Request(
            u.getPath(),
            u.getRawQuery(),
            params(u.getRawQuery()),
            exchange.getRequestHeaders().getFirst("User-Agent"));
    requests.add(request);
    Reply reply = handler.handle(request, this);
    switch (reply) {
      case Reply.Response r -> {
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      case Reply.Drop d -> {
        // An exception out of the handler makes the JDK server close the connection without
        // answering.
        throw new IOException("dropping the connection on purpose");
      }
      case Reply.CutShort c -> {
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        exchange.close(); // fewer bytes than announced: the server closes the connection
      }
    }
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) return params;
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
