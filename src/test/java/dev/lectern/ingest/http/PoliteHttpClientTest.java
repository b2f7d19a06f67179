package dev.lectern.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.ingest.http.LocalHttpServer.Reply;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteHttpClientTest {
  private final List<Wait> waits = new CopyOnWriteArrayList<>();
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private LocalHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  /**
   * A client that records its waits instead of sleeping, without pacing unless a test asks for it.
   */
  private PoliteHttpClient.Builder client() {
    return PoliteHttpClient.builder()
        .minDelay(Duration.ZERO)
        .maxAttempts(4)
        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
        .sleeper(slept::add)
        .onWait(waits::add);
  }

  @Test
  void returnsTheBodyAsUtf8AndIdentifiesItself() throws IOException {
    server = LocalHttpServer.start((req, s) -> Reply.ok("Balázs – Schrödinger"));

    String body = client().build().get(server.uri("/x"));

    assertThat(body).isEqualTo("Balázs – Schrödinger");
    assertThat(server.requests())
        .singleElement()
        .extracting(LocalHttpServer.Request::userAgent)
        .isEqualTo("Lectern/0.1 (self-hosted paper library)");
  }

  @Test
  void followsRedirectsToTheNewLocationWithTheQuery() throws IOException {
    server =
        LocalHttpServer.start(
            (req, s) ->
                req.path().equals("/oai2")
                    ? new Reply.Response(
                        301,
                        java.util.Map.of("Location", s.uri("/oai?" + req.rawQuery()).toString()),
                        "")
                    : Reply.ok("moved here: " + req.param("verb")));

    String body = client().build().get(server.uri("/oai2?verb=Identify"));

    assertThat(body).isEqualTo("moved here: Identify");
    assertThat(server.requests())
        .extracting(LocalHttpServer.Request::path)
        .containsExactly("/oai2", "/oai");
  }

  @Test
  void waitsAsLongAsRetryAfterSecondsSaysThenRetries() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server =
        LocalHttpServer.start(
            (req, s) ->
                calls.incrementAndGet() == 1
                    ? Reply.withHeader(503, "Retry-After", "7")
                    : Reply.ok("done"));

    assertThat(client().build().get(server.uri("/"))).isEqualTo("done");

    assertThat(waits)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.reason()).isEqualTo(Wait.Reason.RETRY_AFTER);
              assertThat(w.duration()).isEqualTo(Duration.ofSeconds(7));
            });
    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void readsRetryAfterGivenAsAnHttpDate() throws IOException {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    String in90s =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
    AtomicInteger calls = new AtomicInteger();
    server =
        LocalHttpServer.start(
            (req, s) ->
                calls.incrementAndGet() == 1
                    ? Reply.withHeader(503, "Retry-After", in90s)
                    : Reply.ok("done"));

    client().clock(Clock.fixed(now, ZoneOffset.UTC)).build().get(server.uri("/"));

    assertThat(slept).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void capsARetryAfterLongerThanTheConfiguredMaximum() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server =
        LocalHttpServer.start(
            (req, s) ->
                calls.incrementAndGet() == 1
                    ? Reply.withHeader(429, "Retry-After", "86400")
                    : Reply.ok("done"));

    client().maxRetryAfter(Duration.ofSeconds(20)).build().get(server.uri("/"));

    assertThat(slept).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void retriesADroppedConnection() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server =
        LocalHttpServer.start(
            (req, s) -> calls.incrementAndGet() <= 2 ? Reply.drop() : Reply.ok("done"));

    assertThat(client().build().get(server.uri("/"))).isEqualTo("done");
    assertThat(waits)
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w.reason()).isEqualTo(Wait.Reason.BACKOFF));
  }

  @Test
  void retriesABodyCutShort() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server =
        LocalHttpServer.start(
            (req, s) ->
                calls.incrementAndGet() == 1
                    ? new Reply.CutShort("x".repeat(10_000))
                    : Reply.ok("complete"));

    assertThat(client().build().get(server.uri("/"))).isEqualTo("complete");
    assertThat(calls).hasValue(2);
  }

  @Test
  void givesUpAfterTheAttemptsNamingTheUrlAndLastErrorWithExponentialBackoff() throws IOException {
    server = LocalHttpServer.start((req, s) -> Reply.status(500, "database on fire"));

    var url = server.uri("/oai?verb=ListRecords");
    assertThatThrownBy(() -> client().build().get(url))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining(url.toString())
        .hasMessageContaining("4 attempts")
        .hasMessageContaining("HTTP 500 (database on fire)");
    assertThat(server.requests()).hasSize(4);
    assertThat(slept)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void givesUpOnAConnectionThatKeepsDroppingWithAnIoException() throws IOException {
    server = LocalHttpServer.start((req, s) -> Reply.drop());

    var url = server.uri("/gone");
    assertThatThrownBy(() -> client().maxAttempts(2).build().get(url))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpStatusException.class)
        .hasMessageContaining(url.toString())
        .hasMessageContaining("2 attempts")
        .hasMessageContaining("last error: ");
  }

  @Test
  void doesNotRetryAClientError() throws IOException {
    server = LocalHttpServer.start((req, s) -> Reply.status(404, "no such paper"));

    assertThatThrownBy(() -> client().build().get(server.uri("/papers/1")))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessageContaining("no such paper");
    assertThat(server.requests()).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void keepsTheMinimumDelayBetweenRequests() throws IOException {
    server = LocalHttpServer.start((req, s) -> Reply.ok("ok"));
    PoliteHttpClient http = client().minDelay(Duration.ofHours(1)).build();

    http.get(server.uri("/1"));
    http.get(server.uri("/2"));

    // the first request goes at once; the second waits what is left of the hour (the sleeper does
    // not sleep)
    assertThat(waits)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.reason()).isEqualTo(Wait.Reason.PACING);
              assertThat(w.duration()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
              assertThat(w.uri()).isEqualTo(server.uri("/2"));
            });
  }

  @Test
  void aRefusedConnectionIsNamedAsSuch() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    var url = java.net.URI.create("http://127.0.0.1:" + port + "/oai");
    assertThatThrownBy(() -> client().maxAttempts(2).build().get(url))
        .isInstanceOfSatisfying(
            ConnectionFailedException.class,
            e -> assertThat(e.reason()).isEqualTo("connection refused"))
        .hasMessageStartingWith(
            "cannot connect to 127.0.0.1:"
                + port
                + ": connection refused (GET "
                + url
                + ", 2 attempts over ");
    assertThat(waits).singleElement().extracting(Wait::detail).isEqualTo("connection refused");
  }

  @Test
  void anUnknownHostIsNamedAsSuch() {
    var url = java.net.URI.create("http://no-such-host.invalid/oai");
    assertThatThrownBy(() -> client().maxAttempts(1).build().get(url))
        .isInstanceOfSatisfying(
            ConnectionFailedException.class,
            e -> assertThat(e.reason()).isEqualTo("host not found"))
        .hasMessageStartingWith("cannot connect to no-such-host.invalid: host not found");
  }

  @Test
  void aServerThatNeverAnswersTimesOutSayingHowLongItWaited() throws Exception {
    try (var silent =
        new java.net.ServerSocket(0)) { // accepts connections (the backlog), answers nothing
      var url = java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/x");
      assertThatThrownBy(
              () ->
                  client()
                      .maxAttempts(1)
                      .timeouts(Duration.ofSeconds(5), Duration.ofMillis(300))
                      .build()
                      .get(url))
          .isNotInstanceOf(ConnectionFailedException.class)
          .hasMessageContaining("last error: no answer within 300 ms");
    }
  }
}
