package dev.lectern.ingest.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An HTTP GET client that behaves well towards public APIs (arXiv OAI-PMH, Hugging Face): it
 * identifies itself, keeps a minimum delay between requests, follows redirects (arXiv moved its OAI
 * endpoint), honours {@code Retry-After} and retries transient failures with exponential backoff.
 * Requests are serialized, so one client never hits a server from two threads at once; share one
 * client per server.
 */
public final class PoliteHttpClient {
  public static final String USER_AGENT = "Lectern/0.1 (self-hosted paper library)";

  private final HttpClient http;
  private final String userAgent;
  private final Duration minDelay;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration requestTimeout;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Consumer<Wait> onWait;

  /** System.nanoTime() when the last request started, or null before the first. */
  private Long lastRequestNanos;

  private PoliteHttpClient(Builder b) {
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .connectTimeout(b.connectTimeout)
            .build();
    this.userAgent = b.userAgent;
    this.minDelay = b.minDelay;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.requestTimeout = b.requestTimeout;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.onWait = b.onWait;
  }

  /**
   * A client with the defaults: 3 s between requests, 5 attempts, Retry-After honoured up to 5
   * minutes.
   */
  public static PoliteHttpClient create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * GETs {@code uri} and returns the body (charset from Content-Type, UTF-8 when it names none).
   */
  public String get(URI uri) throws IOException {
    return get(uri, Map.of());
  }

  /**
   * GETs {@code uri} with extra request headers (e.g. {@code Accept}), retrying transient failures.
   *
   * @throws HttpStatusException for an HTTP status that retrying does not fix, or when the retries
   *     of a transient status (5xx, 429, 408) ran out
   * @throws IOException when the connection kept failing; the message names the URL, the number of
   *     attempts and the last error
   */
  public synchronized String get(URI uri, Map<String, String> headers) throws IOException {
    Wait pending = null;
    String lastError = null;
    IOException lastFailure = null;
    int lastStatus = 0;
    long started = System.nanoTime();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      pause(uri, pending);
      HttpResponse<String> response;
      try {
        response =
            http.send(
                request(uri, headers), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        lastFailure = null;
      } catch (IOException e) {
        lastError = describe(e);
        lastFailure = e;
        lastStatus = 0;
        pending = new Wait(uri, backoff(attempt), Wait.Reason.BACKOFF, lastError);
        continue;
      } catch (InterruptedException e) {
        throw interrupted(uri);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) return response.body();
      lastError = "HTTP " + status + snippet(response.body());
      lastStatus = status;
      if (!isTransient(status)) {
        throw new HttpStatusException(uri, status, "GET " + uri + " failed: " + lastError);
      }
      Duration retryAfter = retryAfter(response);
      pending =
          retryAfter == null
              ? new Wait(uri, backoff(attempt), Wait.Reason.BACKOFF, lastError)
              : new Wait(
                  uri,
                  min(retryAfter, maxRetryAfter),
                  Wait.Reason.RETRY_AFTER,
                  "HTTP "
                      + status
                      + " with Retry-After "
                      + response.headers().firstValue("Retry-After").orElse(""));
    }
    String attempts =
        maxAttempts
            + " attempt"
            + (maxAttempts == 1 ? "" : "s")
            + String.format(" over %.0f s", (System.nanoTime() - started) / 1e9);
    String noConnection = lastFailure == null ? null : connectionProblem(lastFailure);
    if (noConnection != null) {
      throw new ConnectionFailedException(
          uri,
          noConnection,
          "cannot connect to "
              + hostAndPort(uri)
              + ": "
              + noConnection
              + " (GET "
              + uri
              + ", "
              + attempts
              + ")",
          lastFailure);
    }
    String message = "GET " + uri + " failed after " + attempts + "; last error: " + lastError;
    throw lastStatus == 0
        ? new IOException(message, lastFailure)
        : new HttpStatusException(uri, lastStatus, message);
  }

  private HttpRequest request(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).GET().timeout(requestTimeout).header("User-Agent", userAgent);
    headers.forEach(b::header);
    return b.build();
  }

  /**
   * Sleeps for the longer of the retry wait and what is left of the minimum delay, then marks the
   * start.
   */
  private void pause(URI uri, Wait retryWait) throws InterruptedIOException {
    Duration pacing = Duration.ZERO;
    if (lastRequestNanos != null) {
      pacing = minDelay.minusNanos(System.nanoTime() - lastRequestNanos);
    }
    Wait wait =
        retryWait != null && retryWait.duration().compareTo(pacing) >= 0
            ? retryWait
            : new Wait(uri, pacing, Wait.Reason.PACING, null);
    if (wait.duration().isPositive()) {
      onWait.accept(wait);
      try {
        sleeper.sleep(wait.duration());
      } catch (InterruptedException e) {
        throw interrupted(uri);
      }
    }
    lastRequestNanos = System.nanoTime();
  }

  private Duration backoff(int attempt) {
    // initial, 2x, 4x, ... capped; shift capped too so a large attempt count cannot overflow
    Duration d = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
    return min(d, maxBackoff);
  }

  /**
   * The wait a Retry-After header asks for (delta-seconds or HTTP-date), or null when
   * absent/unreadable.
   */
  private Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").map(String::trim).orElse(null);
    if (value == null || value.isEmpty()) return null;
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return maxRetryAfter; // more digits than a long: "a very long time", which the cap bounds
        // anyway
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Statuses that may well succeed on a later try: server overload, rate limiting, gateway trouble.
   */
  private static boolean isTransient(int status) {
    return status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505);
  }

  /** What went wrong, in words: the JDK's client names little more than the exception's class. */
  private String describe(IOException e) {
    String noConnection = connectionProblem(e);
    if (noConnection != null) return noConnection;
    if (e instanceof HttpTimeoutException) {
      long ms = requestTimeout.toMillis();
      return "no answer within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
    String msg = e.getMessage();
    return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
  }

  /**
   * Why no connection could be made, or null when one was (and failed later). The JDK's client
   * reports a refused connection as a ConnectException over a ClosedChannelException, an unknown
   * host over an UnresolvedAddressException, each without a message.
   */
  static String connectionProblem(IOException e) {
    if (e instanceof HttpConnectTimeoutException) return "timed out connecting";
    if (!(e instanceof ConnectException)) return null;
    String messages = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException)
        return "host not found";
      if (t.getMessage() != null)
        messages += " " + t.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (t instanceof ClosedChannelException && t.getCause() == null && messages.isBlank()) {
        return "connection refused";
      }
    }
    if (messages.contains("refused")) return "connection refused";
    if (messages.contains("no route to host")) return "no route to host (is the network up?)";
    if (messages.contains("network is unreachable"))
      return "network unreachable (is the network up?)";
    if (messages.contains("timed out")) return "timed out connecting";
    return "could not connect" + (messages.isBlank() ? "" : " (" + messages.strip() + ")");
  }

  private static String hostAndPort(URI uri) {
    return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) return "";
    String s = body.strip().replaceAll("\\s+", " ");
    return " (" + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + ")";
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static InterruptedIOException interrupted(URI uri) {
    Thread.currentThread().interrupt();
    return new InterruptedIOException("interrupted while fetching " + uri);
  }

  /** Settings for a {@link PoliteHttpClient}; every setting has a default suited to public APIs. */
  public static final class Builder {
    private String userAgent = USER_AGENT;
    private Duration minDelay = Duration.ofSeconds(3);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofMinutes(2);
    private Duration maxRetryAfter = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofMinutes(3);
    private Sleeper sleeper = Sleeper.real();
    private Clock clock = Clock.systemUTC();
    private Consumer<Wait> onWait = w -> {};

    private Builder() {}

    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** Minimum time between the starts of two requests (arXiv asks for 3 s). */
    public Builder minDelay(Duration minDelay) {
      this.minDelay = nonNegative(minDelay, "minDelay");
      return this;
    }

    /** Tries per request, the first included; at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1)
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Wait after the first transient failure; doubled after each further one, up to {@code
     * maxBackoff}.
     */
    public Builder backoff(Duration initialBackoff, Duration maxBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /** The longest Retry-After honoured; a server asking for more gets this much. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    public Builder timeouts(Duration connectTimeout, Duration requestTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock that HTTP-date Retry-After values are measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Told about every wait before it happens, e.g. to show "waiting 10 s (server busy)". */
    public Builder onWait(Consumer<Wait> onWait) {
      this.onWait = Objects.requireNonNull(onWait, "onWait");
      return this;
    }

    public PoliteHttpClient build() {
      return new PoliteHttpClient(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative())
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      return d;
    }
  }
}
