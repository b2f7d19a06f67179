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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Test helper: one browser's worth of a real HTTP client. It keeps cookies, does not follow
 * redirects (tests look at them), and remembers the CSRF token of the last page with a form, to
 * send forms back with it.
 */
public final class FormClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String csrf = "";

  /**
   * @param base e.g. {@code http://127.0.0.1:8080}; paths resolve against it
   */
  public FormClient(URI base) {
    this.base = base;
  }

  public Answer get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  /** POSTs a form with the CSRF token of the last page. */
  public Answer post(String path, String... namesAndValues) {
    return postRaw(path, withToken(namesAndValues));
  }

  /** POSTs exactly these fields (no token added), form-encoded in the order given. */
  public Answer postRaw(String path, Map<String, String> fields) {
    return postRaw(path, fields, Map.of());
  }

  /** POSTs exactly these fields and headers (no token added). */
  public Answer postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  /**
   * POSTs a multipart form with the CSRF token of the last page, as a browser sends one with a
   * file: the fields, then one file under {@code fileField} named {@code fileName} (no file part
   * when it is null).
   */
  public Answer postFile(
      String path, String fileField, String fileName, String content, String... namesAndValues) {
    String boundary = "----lectern" + Long.toHexString(System.nanoTime());
    StringBuilder body = new StringBuilder();
    withToken(namesAndValues)
        .forEach(
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
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** An API call with a method and no body, sending the token as a header. */
  public Answer call(String method, String path) {
    return send(
        request(path)
            .header("X-CSRF-Token", csrf)
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Sends a request made by hand, with this client's cookies, and keeps the token it carries. */
  public Answer send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
    try {
      HttpResponse<String> r =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) csrf = m.group(1);
      return new Answer(r);
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The CSRF token of the last page with a form, or empty before one. */
  public String csrf() {
    return csrf;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path));
  }

  /** The fields of a page's form posting to {@code action}, hidden ones and CSRF token included. */
  public static Map<String, String> hiddenFields(String html, String action) {
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

  private Map<String, String> withToken(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf);
    for (int i = 0; i < namesAndValues.length; i += 2)
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    return fields;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** An answer, with what tests look at. */
  public record Answer(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    /** The Location header, or empty. */
    public String location() {
      return header("Location");
    }

    /** The first value of a header, or empty. */
    public String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    /** The Set-Cookie header that sets {@code name}, or empty. */
    public String setCookie(String name) {
      return response.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .findFirst()
          .orElse("");
    }
  }
}
