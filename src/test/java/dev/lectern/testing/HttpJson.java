package dev.lectern.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test helper: a real HTTP client for a JSON API, one request at a time. */
public final class HttpJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  /**
   * @param base e.g. {@code http://127.0.0.1:8080}
   */
  public HttpJson(URI base) {
    this.base = base;
  }

  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  /** GETs a path with its query string, given as it goes on the wire (already percent-encoded). */
  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery);
  }

  /**
   * GETs a request target sent byte for byte as given, which the JDK's client would refuse to send
   * (a malformed %-escape, a raw space); HTTP/1.0 over a plain socket, so the answer ends with the
   * connection.
   */
  public Response raw(String requestTarget) {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + requestTarget + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int headEnd = answer.indexOf("\r\n\r\n");
      String head = answer.substring(0, headEnd);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      String type =
          head.lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring(13).strip())
              .findFirst()
              .orElse("");
      return new Response(status, type, answer.substring(headEnd + 4));
    } catch (java.io.IOException e) {
      throw new AssertionError("GET " + requestTarget + " failed: " + e, e);
    }
  }

  public Response send(String method, String pathAndQuery) {
    return send(method, pathAndQuery, null);
  }

  /** With {@code Authorization: Bearer token} when the token is not null. */
  public Response send(String method, String pathAndQuery, String token) {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + pathAndQuery))
              .timeout(Duration.ofSeconds(60))
              .method(method, HttpRequest.BodyPublishers.noBody());
      if (token != null) builder.header("Authorization", "Bearer " + token);
      HttpRequest request = builder.build();
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
    }
  }
}
