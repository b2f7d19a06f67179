package dev.lectern.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Test helper: one browser's worth of a real HTTP client. It keeps cookies, does not follow
 * redirects (tests look at them), and remembers the CSRF token of the last page with a form.
 */
final class CookieClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String csrf = "";

  CookieClient(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** Posts a form with the CSRF token of the last page. */
  Answer post(String path, String... fieldsAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf);
    for (int i = 0; i < fieldsAndValues.length; i += 2)
      fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    return postRaw(path, fields, Map.of());
  }

  /** Posts exactly these fields and headers (no token added). */
  Answer postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) csrf = m.group(1);
      return new Answer(r);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  String csrf() {
    return csrf;
  }

  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** An answer, with what tests look at. */
  record Answer(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String location() {
      return response.headers().firstValue("Location").orElse("");
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    /** The Set-Cookie header that sets {@code name}, or empty. */
    String setCookie(String name) {
      return response.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .findFirst()
          .orElse("");
    }
  }
}
