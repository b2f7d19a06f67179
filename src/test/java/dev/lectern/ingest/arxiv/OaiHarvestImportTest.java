package dev.lectern.ingest.arxiv;

import static dev.lectern.ingest.arxiv.Fixtures.oai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.ingest.ImportException;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Reply;
import dev.lectern.ingest.http.LocalHttpServer.Request;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.store.Database;
import dev.lectern.store.ImportRuns;
import dev.lectern.store.PaperLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvest driven through the real {@link Importer} into a real library, as the CLI will run it.
 */
class OaiHarvestImportTest {
  @TempDir Path dir;
  private LocalHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private static PoliteHttpClient http() {
    return PoliteHttpClient.builder()
        .minDelay(Duration.ZERO)
        .maxAttempts(2)
        .backoff(Duration.ZERO, Duration.ZERO)
        .sleeper(d -> {})
        .build();
  }

  private OaiPmhSource source() {
    return new OaiPmhSource(server.uri("/oai"), "math", null, null, http());
  }

  private PaperLibrary library(String name) {
    return new PaperLibrary(Database.openEmbedded(dir.resolve(name)));
  }

  private static Importer importer(PaperLibrary library) {
    return new Importer(library, 2, ImportProgress.QUIET);
  }

  @Test
  void anInterruptedHarvestResumesFromItsCheckpointAndEndsLikeAnUninterruptedOne()
      throws IOException {
    AtomicBoolean page3Broken = new AtomicBoolean(true);
    server =
        LocalHttpServer.start(
            (req, s) ->
                FakeArxiv.asksFor(req, FakeArxiv.TOKEN_3) && page3Broken.get()
                    ? Reply.status(500, "Internal Server Error")
                    : FakeArxiv.answer(req));
    PaperLibrary interrupted = library("interrupted");

    assertThatThrownBy(() -> importer(interrupted).run(source()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining(FakeArxiv.TOKEN_3.replace("|", "%7C"))
        .hasMessageContaining("2 attempts");
    assertThat(interrupted.state().get(source().checkpointKey())).isPresent();
    assertThat(interrupted.count()).isBetween(1L, 6L);

    page3Broken.set(false);
    int before = server.requests().size();
    ImportSummary resumed = importer(interrupted).run(source());

    List<Request> secondRun = server.requests().subList(before, server.requests().size());
    // no set check and no first page again: the run picks up at a saved token and reads on to the
    // end
    assertThat(secondRun).allSatisfy(r -> assertThat(r.param("resumptionToken")).isNotNull());
    assertThat(secondRun)
        .extracting(r -> r.param("resumptionToken"))
        .endsWith(FakeArxiv.TOKEN_3, FakeArxiv.TOKEN_4);
    assertThat(resumed.status()).isEqualTo("completed");
    assertThat(interrupted.state().get(source().checkpointKey())).isEmpty();

    PaperLibrary uninterrupted = library("uninterrupted");
    importer(uninterrupted).run(source());

    assertThat(interrupted.count())
        .isEqualTo(uninterrupted.count())
        .isEqualTo(FakeArxiv.ALL_IDS.size());
    for (String id : FakeArxiv.ALL_IDS) {
      assertThat(interrupted.get(id)).isPresent().isEqualTo(uninterrupted.get(id));
    }
    assertThat(interrupted.countsBySource())
        .containsEntry("arxiv-oai", (long) FakeArxiv.ALL_IDS.size());
  }

  @Test
  void harvestingTheSameRangeAgainChangesNothing() throws IOException {
    server = FakeArxiv.start();
    PaperLibrary library = library("twice");
    importer(library).run(source());

    ImportSummary again = importer(library).run(source());

    assertThat(again.counts().unchanged()).isEqualTo(FakeArxiv.ALL_IDS.size());
    assertThat(again.counts().added()).isZero();
    assertThat(library.count()).isEqualTo(FakeArxiv.ALL_IDS.size());
  }

  @Test
  void malformedRecordsAreRecordedAsRejectsOfTheRun() throws IOException {
    server =
        LocalHttpServer.start(
            (req, s) ->
                "ListRecords".equals(req.param("verb"))
                    ? Reply.ok(oai("listrecords-malformed-records.xml"))
                    : FakeArxiv.answer(req));
    PaperLibrary library = library("rejects");

    ImportSummary summary = importer(library).run(source());

    assertThat(summary.counts().added()).isEqualTo(2);
    assertThat(summary.counts().rejected()).isEqualTo(3);
    assertThat(library.runs().rejects(summary.runId(), 10))
        .extracting(ImportRuns.Reject::location)
        .allSatisfy(loc -> assertThat(loc).contains("verb=ListRecords").contains("#record "));
  }
}
