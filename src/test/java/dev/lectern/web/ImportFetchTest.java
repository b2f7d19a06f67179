package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.arxiv.ArxivRecords;
import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Reply;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import whose papers the library lacks, with a local server replaying arXiv's GetRecord: down
 * at first (the paper stays pending with the reason), then up for the collection's "Fetch now".
 */
class ImportFetchTest {
  @TempDir static Path dataDir;
  static WebFixture web;
  static LocalHttpServer arxiv;
  static final AtomicBoolean up = new AtomicBoolean(false);

  @BeforeAll
  static void serve() throws IOException {
    String record = Files.readString(Path.of("src/test/resources/oai/getrecord-0704.0001.xml"));
    arxiv =
        LocalHttpServer.start(
            (req, s) ->
                up.get()
                    ? new Reply.Response(
                        200, Map.of("Content-Type", "text/xml; charset=UTF-8"), record)
                    : new Reply.Response(503, Map.of(), "down for maintenance"));
    PoliteHttpClient http =
        PoliteHttpClient.builder()
            .minDelay(Duration.ZERO)
            .maxAttempts(1)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .build();
    web = WebFixture.start(dataDir, new ArxivRecords(arxiv.uri("/oai"), http));
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
    if (arxiv != null) arxiv.close();
  }

  @Test
  void pendingWhileArxivIsDownThenFetchedByTheButton() {
    FormClient browser = new FormClient(web.uri());
    browser.get("/library/import");
    Answer r =
        browser.postFile(
            "/library/import", "file", null, null, "ids", "0704.0001", "collection", "Diphotons");
    assertThat(r.body()).contains("1 pending").contains("0 fetched from arXiv; arXiv could not");
    Matcher m = Pattern.compile("Into <a href=\"(/collections/\\d+)\"").matcher(r.body());
    assertThat(m.find()).isTrue();
    String collection = m.group(1);
    assertThat(browser.get(collection).body())
        .contains("Pending (1)")
        .contains("arXiv could not be reached");

    up.set(true);
    assertThat(browser.post(collection + "/fetch").status()).isEqualTo(303);
    String page = browser.get(collection).body();
    assertThat(page).doesNotContain("Pending (").contains("Calculation of prompt diphoton");
  }
}
