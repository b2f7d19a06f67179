package dev.lectern.ingest.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.ingest.ImportException;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.arxiv.FakeArxiv;
import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harvests the command line and serve share, against a server answering like arXiv. */
class HarvestsTest {
  private static final LocalDate FROM = LocalDate.of(2024, 3, 10);
  private static final LocalDate UNTIL = LocalDate.of(2024, 3, 13);
  @TempDir Path dir;
  private PaperLibrary library;
  private Harvests harvests;

  @BeforeEach
  void open() {
    library = new PaperLibrary(Database.openEmbedded(dir));
    harvests = new Harvests(library, 3);
  }

  private static PoliteHttpClient http() {
    return PoliteHttpClient.builder()
        .minDelay(Duration.ZERO)
        .maxAttempts(1)
        .backoff(Duration.ZERO, Duration.ZERO)
        .build();
  }

  private static SortedSet<String> categories(String... c) {
    return new TreeSet<>(java.util.List.of(c));
  }

  @Test
  void aSetHarvestedForSomeCategoriesKeepsThePapersFiledUnderThemCrossListsIncluded()
      throws Exception {
    try (LocalHttpServer arxiv = FakeArxiv.start()) {
      URI base = arxiv.uri("/oai");
      ImportSummary math =
          harvests.arxiv(
              base, "math", categories("math.CO"), FROM, UNTIL, http(), ImportProgress.QUIET);
      assertThat(math.counts().added()).isEqualTo(3);
      assertThat(math.message()).contains("7 records outside math.CO left out");
      ImportSummary cs =
          harvests.arxiv(
              base, "cs", categories("cs.CG"), FROM, UNTIL, http(), ImportProgress.QUIET);
      assertThat(cs.counts().unchanged()).as("0704.0002 is math.CO and cs.CG").isEqualTo(1);
      assertThat(library.count()).isEqualTo(3);
      assertThat(library.get("0704.0002")).isPresent();
      assertThat(library.get("0704.0001")).as("hep-ph").isEmpty();

      assertThat(harvests.arxivLastDay(base, "math", categories("math.CO")))
          .as("the latest datestamp seen")
          .contains(LocalDate.of(2013, 10, 15));
      assertThat(harvests.arxivLastDay(base, "math", categories()))
          .as("the whole set is another harvest, with its own last day")
          .isEmpty();
    }
  }

  @Test
  void aServerThatCannotBeReachedIsNamedAsSuch() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> harvests.hf(base, FROM, UNTIL, http(), ImportProgress.QUIET))
        .isInstanceOf(ImportException.class)
        .satisfies(
            e ->
                assertThat(Harvests.unreachable(e))
                    .hasValueSatisfying(
                        c -> assertThat(c.reason()).isEqualTo("connection refused")));
    assertThat(harvests.hfLastDay(base)).isEmpty();
  }
}
