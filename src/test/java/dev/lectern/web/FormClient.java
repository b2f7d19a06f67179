package dev.lectern.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: a browser's part in forms. Keeps cookies (a session, once accounts have them),
 * follows no redirect (the test looks at it), and reads a form's CSRF token from the page it came
 * from, so tests keep passing when the server checks it.
 */
final class FormClient {
  record Response(int status, String location, String contentType, String body) {}

  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  FormClient(URI base) {
    this.base = base;
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** POSTs the fields form-encoded, in the order given. */
  Response post(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (!body.isEmpty()) body.append('&');
          body.append(enc(k)).append('=').append(enc(v));
        });
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** The fields of a page's form posting to {@code action}, hidden ones and CSRF token included. */
  static Map<String, String> hiddenFields(String html, String action) {
    int at = html.indexOf("action=\"" + action + "\"");
    if (at < 0) throw new AssertionError("no form posting to " + action + " in:\n" + html);
    String form = html.substring(at, html.indexOf("</form>", at));
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .matcher(form);
    while (m.find()) fields.put(m.group(1), unescape(m.group(2)));
    if (!fields.containsKey("_csrf"))
      throw new AssertionError("the form posting to " + action + " has no _csrf field");
    return fields;
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(),
          r.headers().firstValue("Location").orElse(null),
          r.headers().firstValue("Content-Type").orElse(""),
          r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
