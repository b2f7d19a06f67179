package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.app.Background;
import dev.lectern.app.HarvestConfig;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.FakeSources;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving an empty library with harvesting on, against local servers answering like arXiv and
 * Hugging Face, or against a port that refuses connections: what the home page, the status page and
 * the API say, and that search works all along.
 */
class HarvestPagesTest {
  private static final Instant NOW = Instant.parse("2024-03-13T12:00:00Z");
  @TempDir Path dataDir;
  private Lectern lectern;
  private Background background;
  private WebServer server;
  private HttpJson http;

  private void serve(URI arxiv, URI hf) {
    Map<String, String> flags = new HashMap<>(FakeSources.settings(arxiv, hf));
    flags.put(Settings.DATA_DIR, dataDir.toString());
    Settings settings = Settings.load(null, Map.of(), flags);
    lectern = new Lectern(settings);
    HarvestConfig harvest =
        HarvestConfig.from(settings).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    // an hour between looks at the library: the harvest itself has the index follow at once
    background = new Background(lectern, Duration.ofHours(1), Background.Events.QUIET, harvest);
    background.start();
    server =
        WebServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            lectern.search(true),
            lectern.library(),
            background);
    http = new HttpJson(server.uri());
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
    if (background != null) background.stop(Duration.ofSeconds(30));
    if (lectern != null) lectern.close();
  }

  private Response page(String path) {
    Response r = http.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r;
  }

  @Test
  void theFirstStartSaysWhatItFetchesThenListsThePapersWhichBecomeSearchable() throws Exception {
    try (FakeSources sources = FakeSources.held()) {
      serve(sources.arxivBase(), sources.hfBase());
      String fetching =
          "Fetching the last 3 days of math.CO and cs.CG from arXiv, with Hugging Face's Daily"
              + " Papers: no papers yet.";
      assertThat(page("/").body())
          .contains("<h1>Today</h1>")
          .contains("<p class=\"lead\">" + fetching + "</p>")
          .contains("reload the page")
          .doesNotContain("class=\"notice\"");
      assertThat(page("/search?q=gemma").body())
          .as("every page says so meanwhile, and works")
          .contains("class=\"notice\" role=\"status\">" + fetching);
      assertThat(page("/status").body())
          .contains("<dt>Now</dt>")
          .contains("fetching the last 3 days");
      assertThat(http.get("/api/v1/status").json().at("/harvest/state").asText())
          .isEqualTo("harvesting");

      sources.release();
      JsonNode status =
          Eventually.await(
              "the harvest completes",
              Duration.ofSeconds(60),
              () -> http.get("/api/v1/status").json(),
              s -> s.at("/harvest/lastRun/completed").asBoolean());
      JsonNode harvest = status.get("harvest");
      assertThat(harvest.get("state").asText()).isEqualTo("idle");
      assertThat(harvest.at("/lastRun/newPapers").asLong()).isEqualTo(7);
      assertThat(harvest.get("lastCompleted").asText()).isEqualTo(NOW.toString());
      assertThat(harvest.get("nextRun").asText()).isEqualTo("2024-03-14T00:30:00Z");
      assertThat(harvest.get("schedule").asText())
          .isEqualTo("20:30 America/New_York, Sunday to Thursday");
      assertThat(harvest.get("unreachable").isNull()).isTrue();

      String today = page("/").body();
      assertThat(today).contains("<ol class=\"papers\"").doesNotContain("Fetching");
      assertThat(page("/status").body())
          .contains("<dt>Last run</dt>")
          .contains("completed ")
          .contains("7 new papers")
          .contains("arXiv math (math.CO): read 3, new 3");
      Eventually.await(
          "harvested papers are searchable by words",
          Duration.ofSeconds(20),
          () -> http.get("/api/v1/search?mode=lexical&q=gemma+open+models").json(),
          s -> s.at("/hits/0/id").asText().equals("2403.08295"));
    }
  }

  @Test
  void unreachableSourcesAreNamedOnTheHomePageWithTheCommandsThatImportAFile() throws Exception {
    int port = FakeSources.closedPort();
    serve(URI.create("http://127.0.0.1:" + port + "/oai"), URI.create("http://127.0.0.1:" + port));
    Eventually.await(
        "the harvest fails",
        Duration.ofSeconds(60),
        () -> http.get("/api/v1/status").json().at("/harvest/state").asText(),
        "retrying"::equals);
    String sentence =
        "arXiv (127.0.0.1:"
            + port
            + ") and Hugging Face (127.0.0.1:"
            + port
            + ") cannot be reached: connection refused.";
    assertThat(page("/").body())
        .contains("<p class=\"lead\">" + sentence + " Lectern tries again in 1 minute.</p>")
        .contains("./lectern import arxiv-snapshot FILE")
        .contains("./lectern import hf-page FILE");
    assertThat(page("/search?q=anything").body())
        .as("search works, and only the home page says it")
        .doesNotContain(sentence);
    assertThat(http.get("/status?verbose=1").status()).as("strict parameters").isEqualTo(400);
    assertThat(page("/status").body())
        .contains("<dt>Last error</dt>")
        .contains("connection refused")
        .contains("after 1 failed in a row");
    JsonNode harvest = http.get("/api/v1/status").json().get("harvest");
    assertThat(harvest.get("unreachable").asText()).isEqualTo(sentence);
    assertThat(harvest.at("/lastRun/unreachable/0/reason").asText())
        .isEqualTo("connection refused");
    assertThat(harvest.get("nextRun").asText()).isEqualTo(NOW.plusSeconds(60).toString());
  }
}
