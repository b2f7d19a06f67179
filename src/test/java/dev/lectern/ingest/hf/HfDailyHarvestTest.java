package dev.lectern.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lectern.ingest.ImportException;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Daily Papers harvest against a local server replaying the API's format. */
class HfDailyHarvestTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requested = new ArrayList<>();
  private final AtomicBoolean day15Broken = new AtomicBoolean(false);
  private String fixture;
  private PaperLibrary library;

  @BeforeEach
  void start() throws Exception {
    fixture =
        Files.readString(Path.of(getClass().getResource("/hf/daily-2024-03-13.json").toURI()));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/daily_papers",
        exchange -> {
          String date = exchange.getRequestURI().getQuery().replace("date=", "");
          requested.add(date);
          int status = 200;
          String body =
              switch (date) {
                case "2024-03-13" -> fixture;
                case "2024-03-15" -> day15Broken.get() ? "<html>oops</html>" : "[]";
                default -> "[]";
              };
          if (date.equals("2024-03-15") && day15Broken.get()) status = 500;
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    library = new PaperLibrary(Database.openEmbedded(dir.resolve("data")));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HfDailyHarvest harvest(LocalDate from, LocalDate until) {
    PoliteHttpClient http =
        PoliteHttpClient.builder()
            .minDelay(Duration.ZERO)
            .maxAttempts(2)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .build();
    return new HfDailyHarvest(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), from, until, http);
  }

  private ImportSummary run(HfDailyHarvest source) {
    return new Importer(library, 2, ImportProgress.QUIET).run(source);
  }

  @Test
  void eachDayIsFetchedOnceAndItsPapersComeInWithUpvotes() {
    HfDailyHarvest source = harvest(LocalDate.of(2024, 3, 12), LocalDate.of(2024, 3, 14));
    ImportSummary s = run(source);
    assertThat(requested).containsExactly("2024-03-12", "2024-03-13", "2024-03-14");
    assertThat(s.counts().added()).isEqualTo(4);
    assertThat(s.counts().rejected()).isEqualTo(2);
    assertThat(library.get("2403.08295").orElseThrow().upvotes()).isEqualTo(61);
    assertThat(source.lastDay()).isEqualTo(LocalDate.of(2024, 3, 14));
    assertThat(s.message()).contains("2 day(s) had no papers");
  }

  @Test
  void anInterruptedHarvestResumesWithTheDayThatFailed() throws IOException {
    day15Broken.set(true);
    assertThatThrownBy(() -> run(harvest(LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 16))))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("2024-03-15");
    assertThat(library.count()).as("the days before the failure are kept").isEqualTo(4);

    day15Broken.set(false);
    requested.clear();
    ImportSummary resumed = run(harvest(LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 16)));
    assertThat(requested).containsExactly("2024-03-15", "2024-03-16");
    assertThat(resumed.message()).contains("resuming after 2024-03-14");
  }

  @Test
  void harvestingADayAgainChangesNothingButNewUpvotes() {
    run(harvest(LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 13)));
    fixture = fixture.replace("\"upvotes\": 61", "\"upvotes\": 75");
    ImportSummary again = run(harvest(LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 13)));
    assertThat(again.counts().added()).isZero();
    assertThat(again.counts().updated()).isEqualTo(1);
    assertThat(library.get("2403.08295").orElseThrow().upvotes()).isEqualTo(75);
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> harvest(LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 1)))
        .hasMessageContaining("ends (2024-03-01) before it starts (2024-03-13)");
  }
}
