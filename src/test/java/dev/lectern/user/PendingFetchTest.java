package dev.lectern.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.arxiv.ArxivRecords;
import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Reply;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.FakeSources;
import dev.lectern.user.PendingImports.Pending;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending arXiv ids fetched by OAI-PMH GetRecord from a local server replaying arXiv's answers, and
 * from one that is down.
 */
class PendingFetchTest {
  static final long ADA = 1;

  @TempDir Path dir;
  PaperLibrary library;
  PaperCollections collections;
  PendingImports pending;
  long collection;

  @BeforeEach
  void library() {
    Clock clock = Clock.systemUTC();
    library = new PaperLibrary(Database.openEmbedded(dir));
    collections = new PaperCollections(library, new PaperMarks(library, clock), clock);
    pending = new PendingImports(library, collections, clock);
    collection =
        new PaperImport(collections, pending)
            .run(ADA, "Later", ImportSources.text("arXiv:0704.0001v2 2501.99999"))
            .collection()
            .id();
    assertThat(pending.of(ADA, collection)).hasSize(2);
  }

  static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/oai", name));
  }

  PendingFetch fetch(URI base) {
    PoliteHttpClient http =
        PoliteHttpClient.builder()
            .minDelay(Duration.ZERO)
            .maxAttempts(1)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .build();
    return new PendingFetch(library, pending, new ArxivRecords(base, http), Clock.systemUTC());
  }

  @Test
  void aFetchedPaperMovesFromPendingIntoItsCollection() throws IOException {
    try (LocalHttpServer arxiv =
        LocalHttpServer.start(
            (req, s) ->
                new Reply.Response(
                    200,
                    Map.of("Content-Type", "text/xml; charset=UTF-8"),
                    fixture(
                        "oai:arXiv.org:0704.0001".equals(req.param("identifier"))
                            ? "getrecord-0704.0001.xml"
                            : "getrecord-id-does-not-exist.xml")))) {
      PendingFetch.Outcome o = fetch(arxiv.uri("/oai")).run(10, Duration.ofSeconds(30));
      assertThat(o).isEqualTo(new PendingFetch.Outcome(1, 1, null));
      assertThat(arxiv.requests())
          .allSatisfy(
              r -> {
                assertThat(r.param("verb")).isEqualTo("GetRecord");
                assertThat(r.param("metadataPrefix")).isEqualTo("arXiv");
              });
    }
    assertThat(library.get("0704.0001").orElseThrow().title())
        .startsWith("Calculation of prompt diphoton production");
    assertThat(collections.papers(ADA, collection, 0, 10).items())
        .extracting(e -> e.paper().id())
        .containsExactly("0704.0001");
    assertThat(pending.of(ADA, collection))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.arxivId()).isEqualTo("2501.99999");
              assertThat(p.reason()).isEqualTo("arXiv has no paper 2501.99999");
            });
  }

  @Test
  void whenArxivIsDownTheEntriesStayPendingWithTheReason() throws IOException {
    int port = FakeSources.closedPort();
    PendingFetch.Outcome o =
        fetch(URI.create("http://127.0.0.1:" + port + "/oai")).run(10, Duration.ofSeconds(30));
    assertThat(o.fetched()).isZero();
    assertThat(o.failure()).startsWith("arXiv could not be reached");
    assertThat(pending.of(ADA, collection))
        .extracting(Pending::arxivId)
        .containsExactly("0704.0001", "2501.99999");
    assertThat(pending.of(ADA, collection).getFirst().reason())
        .startsWith("arXiv could not be reached");
    assertThat(collections.papers(ADA, collection, 0, 10).items()).isEmpty();
  }
}
