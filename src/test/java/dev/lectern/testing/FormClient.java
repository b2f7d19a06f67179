package dev.lectern.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: talks to the pages as a browser would, keeping cookies and sending forms back with
 * the CSRF token a rendered form carries; redirects are not followed, so a test sees the 303.
 */
public final class FormClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  private final HttpClient client;
  private final URI base;
  private String csrf = "";

  public FormClient(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** GETs a page, and keeps the CSRF token of its first form that changes something. */
  public HttpResponse<String> get(String pathAndQuery) {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) csrf = m.group(1).replace("&amp;", "&");
    return r;
  }

  /** POSTs a form, with the token of the last page read. */
  public HttpResponse<String> post(String path, String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf);
    for (int i = 0; i < namesAndValues.length; i += 2)
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    List<String> pairs = new ArrayList<>();
    fields.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
            .build());
  }

  /**
   * POSTs a multipart form, as a browser sends one with a file: the fields, then one file under
   * {@code fileField} named {@code fileName} (no file part when it is null).
   */
  public HttpResponse<String> postFile(
      String path, String fileField, String fileName, String content, String... namesAndValues) {
    String boundary = "----lectern" + Long.toHexString(System.nanoTime());
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf);
    for (int i = 0; i < namesAndValues.length; i += 2)
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    fields.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    if (fileName != null)
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(fileField)
          .append("\"; filename=\"")
          .append(fileName)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(content)
          .append("\r\n");
    body.append("--").append(boundary).append("--\r\n");
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build());
  }

  /** An API call with a method and no body, sending the token as a header too. */
  public HttpResponse<String> call(String method, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("X-CSRF-Token", csrf)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  public String csrf() {
    return csrf;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
