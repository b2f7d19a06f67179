package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.app.Background;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.TestLibrary;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code lectern serve} runs, minus the command: the background work and the API over a
 * library of sample papers, with the real index and model. More papers arrive the way another
 * process's import brings them: written to the same database through a library of their own.
 */
class ServeTest {
  @TempDir Path dataDir;
  Lectern lectern;
  Background background;
  WebServer server;
  HttpJson http;

  @BeforeEach
  void serve() {
    lectern =
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
    TestLibrary.importHfPage(lectern.library(), "page-a.txt");
    background = new Background(lectern, Duration.ofMillis(200), Background.Events.QUIET);
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

  private List<String> hitIds(String query, String mode) {
    JsonNode json =
        http.get(
                "/api/v1/search?mode="
                    + mode
                    + "&limit=5&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))
            .json();
    assertThat(json.get("mode").asText()).isEqualTo(mode);
    return StreamSupport.stream(json.get("hits").spliterator(), false)
        .map(h -> h.get("id").asText())
        .toList();
  }

  @Test
  void
      papersImportedElsewhereAreSearchableByWordsWithinSecondsAndByMeaningOnceEmbeddedWhileSearchesGoOn()
          throws Exception {
    JsonNode starting = http.get("/api/v1/status").json();
    assertThat(starting.at("/embeddings/pending").asLong())
        .as("the queue has just started")
        .isPositive();
    assertThat(hitIds("retrieval heads long context", "lexical"))
        .as("searches meanwhile")
        .isNotEmpty();

    long before = lectern.library().lastChangeSeq();
    PaperLibrary otherProcess = new PaperLibrary(Database.openEmbedded(dataDir));
    TestLibrary.importHfPage(otherProcess, "page-b.txt");
    Paper arrived = otherProcess.changedSince(before, 1).getFirst().paper();
    String title = "\"" + arrived.title() + "\"";

    Eventually.await(
        "the new paper is found by its words",
        Duration.ofSeconds(20),
        () -> hitIds(title, "lexical"),
        ids -> ids.contains(arrived.id()));

    long papers = lectern.library().count();
    JsonNode status =
        Eventually.await(
            "every paper is embedded and indexed with its vector",
            Duration.ofMinutes(3),
            () -> http.get("/api/v1/status").json(),
            s ->
                s.at("/embeddings/pending").asLong() == 0
                    && s.at("/index/withVectors").asLong() == papers);
    assertThat(status.at("/library/papers").asLong()).isEqualTo(papers);
    assertThat(status.at("/index/papers").asLong()).isEqualTo(papers);
    assertThat(status.at("/index/behind").asLong()).isZero();
    assertThat(status.at("/embeddings/done").asLong()).isEqualTo(papers);
    assertThat(status.at("/embeddings/queue/state").asText()).isEqualTo("idle");
    assertThat(status.at("/embeddings/queue/embeddedThisRun").asLong()).isPositive();
    assertThat(status.at("/embeddings/queue/etaSeconds").asLong()).isZero();

    assertThat(hitIds(arrived.title(), "semantic")).as("found by meaning").contains(arrived.id());
    JsonNode similar = http.get("/api/v1/papers/" + arrived.id() + "/similar?limit=3").json();
    assertThat(similar.get("hits")).hasSize(3);
  }
}
