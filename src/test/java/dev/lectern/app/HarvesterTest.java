package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.http.LocalHttpServer.Request;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.FakeSources;
import dev.lectern.testing.MutableClock;
import dev.lectern.testing.TestLibrary;
import dev.lectern.user.ImportSources;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperImport;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PendingImports;
import dev.lectern.user.Users;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve's harvest loop over a real library, against local servers answering like arXiv and Hugging
 * Face, on a clock the test moves: the first harvest, the daily one, one missed while stopped, and
 * servers that cannot be reached.
 */
class HarvesterTest {
  /** Wednesday 13 March 2024, 08:00 in New York. */
  private static final Instant WEDNESDAY_MORNING = Instant.parse("2024-03-13T12:00:00Z");

  /** Wednesday's run, 20:30 EDT. */
  private static final Instant WEDNESDAY_RUN = Instant.parse("2024-03-14T00:30:00Z");

  @TempDir Path dir;
  private PaperLibrary library;
  private final MutableClock clock = new MutableClock(WEDNESDAY_MORNING);
  private final AtomicInteger imported = new AtomicInteger();
  private Harvester harvester;

  @BeforeEach
  void open() {
    library = new PaperLibrary(Database.openEmbedded(dir));
  }

  @AfterEach
  void stop() {
    if (harvester != null) harvester.stop(Duration.ofSeconds(10));
  }

  private Harvester start(URI arxiv, URI hf) {
    HarvestConfig config =
        HarvestConfig.from(Settings.load(null, Map.of(), FakeSources.settings(arxiv, hf)))
            .withClock(clock)
            .withTiming(
                new HarvestConfig.Timing(
                    Duration.ofMillis(10), Duration.ofMinutes(1), Duration.ofHours(1)));
    harvester = new Harvester(library, config, Harvester.Events.QUIET, imported::incrementAndGet);
    harvester.start();
    return harvester;
  }

  private HarvestStatus awaitRuns(int failures, boolean completed) throws Exception {
    return Eventually.await(
        "the harvest ends",
        Duration.ofSeconds(30),
        harvester::status,
        s ->
            s.running() == null
                && s.last() != null
                && s.last().completed() == completed
                && s.failuresInARow() == failures);
  }

  private static List<String> days(List<Request> requests) {
    return requests.stream()
        .filter(r -> r.path().equals("/api/daily_papers"))
        .map(r -> r.param("date"))
        .toList();
  }

  @Test
  void anEmptyLibraryIsHarvestedAtOnceThenDailyAfterArxivsAnnouncement() throws Exception {
    try (FakeSources sources = FakeSources.start()) {
      start(sources.arxivBase(), sources.hfBase());
      HarvestStatus first = awaitRuns(0, true);

      assertThat(library.count()).as("3 arXiv papers in math.CO or cs.CG, 4 from HF").isEqualTo(7);
      assertThat(first.last().newPapers()).isEqualTo(7);
      assertThat(first.last().results())
          .hasSize(3)
          .anySatisfy(r -> assertThat(r).startsWith("arXiv math (math.CO): read 3, new 3"));
      Request listRecords =
          sources.requests().stream()
              .filter(r -> "ListRecords".equals(r.param("verb")))
              .findFirst()
              .orElseThrow();
      assertThat(listRecords.param("from")).as("the last 3 days").isEqualTo("2024-03-10");
      assertThat(listRecords.param("until")).isEqualTo("2024-03-13");
      assertThat(days(sources.requests()))
          .containsExactly("2024-03-10", "2024-03-11", "2024-03-12", "2024-03-13");
      assertThat(first.lastCompleted()).isEqualTo(WEDNESDAY_MORNING);
      assertThat(first.nextRun()).as("Wednesday 20:30 in New York").isEqualTo(WEDNESDAY_RUN);
      assertThat(imported.get()).as("the index is told after each source").isEqualTo(3);

      int before = sources.requests().size();
      clock.set(WEDNESDAY_RUN);
      HarvestStatus daily =
          Eventually.await(
              "the daily harvest",
              Duration.ofSeconds(30),
              harvester::status,
              s -> s.running() == null && WEDNESDAY_RUN.equals(s.lastCompleted()));
      assertThat(days(sources.requests().subList(before, sources.requests().size())))
          .as("Hugging Face from the last day fetched, for its grown upvotes")
          .containsExactly("2024-03-13", "2024-03-14");
      assertThat(daily.last().newPapers()).isZero();
      assertThat(daily.nextRun()).isEqualTo(Instant.parse("2024-03-15T00:30:00Z"));
    }
  }

  @Test
  void aPaperImportedBeforeTheLibraryHadItJoinsItsCollectionWithTheHarvest() throws Exception {
    PaperCollections collections =
        new PaperCollections(library, new PaperMarks(library, clock), clock);
    PendingImports pending = new PendingImports(library, collections, clock);
    long c =
        new PaperImport(collections, pending)
            .run(Users.LOCAL_USER, "Graphs", ImportSources.text("0704.0002 2501.99999"))
            .collection()
            .id();
    try (FakeSources sources = FakeSources.start()) {
      start(sources.arxivBase(), sources.hfBase());
      HarvestStatus first = awaitRuns(0, true);
      assertThat(first.last().results()).contains("imported papers now in their collections: 1");
    }
    assertThat(collections.papers(Users.LOCAL_USER, c, 0, 10).items())
        .extracting(e -> e.paper().id())
        .containsExactly("0704.0002");
    assertThat(pending.of(Users.LOCAL_USER, c))
        .extracting(PendingImports.Pending::arxivId)
        .containsExactly("2501.99999");
  }

  @Test
  void aHarvestMissedWhileStoppedRunsAtStartAndOneNotMissedWaitsForItsTime() throws Exception {
    TestLibrary.importHfPage(library, "page-a.txt");
    try (FakeSources sources = FakeSources.start()) {
      library.state().put(Harvester.LAST_COMPLETED, "2024-03-12T00:40:00Z"); // Monday's run
      start(sources.arxivBase(), sources.hfBase());
      HarvestStatus owed = awaitRuns(0, true);
      assertThat(owed.lastCompleted()).as("Tuesday's was owed").isEqualTo(WEDNESDAY_MORNING);
      stop();

      int before = sources.requests().size();
      start(sources.arxivBase(), sources.hfBase()); // restarted the same morning
      assertThat(harvester.status().nextRun()).isEqualTo(WEDNESDAY_RUN);
      ticks();
      assertThat(sources.requests()).as("nothing owed").hasSize(before);
    }
  }

  /** Time for the loop to look a few times whether a harvest is due (it looks every 10 ms). */
  private static void ticks() throws InterruptedException {
    Thread.sleep(100);
  }

  @Test
  void aLibraryFilledOtherwiseIsNotHarvestedUntilTheDailyRun() throws Exception {
    TestLibrary.importHfPage(library, "page-a.txt");
    try (FakeSources sources = FakeSources.start()) {
      start(sources.arxivBase(), sources.hfBase());
      HarvestStatus s = harvester.status();
      assertThat(s.nextRun()).isEqualTo(WEDNESDAY_RUN);
      assertThat(s.firstHarvest()).isTrue();
      clock.set(WEDNESDAY_RUN.minusSeconds(1));
      ticks();
      assertThat(sources.requests()).as("not before its time").isEmpty();

      clock.set(WEDNESDAY_RUN);
      HarvestStatus daily = awaitRuns(0, true);
      assertThat(daily.lastCompleted()).isEqualTo(WEDNESDAY_RUN);
      assertThat(days(sources.requests()))
          .as("a source never harvested starts the first days back")
          .containsExactly("2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14");
    }
  }

  @Test
  void unreachableServersAreNamedAndTriedAgainAfterAMinuteThenTwoThenAtTheirReturn()
      throws Exception {
    int port = FakeSources.closedPort();
    start(URI.create("http://127.0.0.1:" + port + "/oai"), URI.create("http://127.0.0.1:" + port));
    HarvestStatus failed = awaitRuns(1, false);
    assertThat(failed.unreachableSentence())
        .isEqualTo(
            "arXiv (127.0.0.1:"
                + port
                + ") and Hugging Face (127.0.0.1:"
                + port
                + ") cannot be reached: connection refused.");
    assertThat(failed.last().results())
        .as("arXiv's second set is not tried against a server that refused the first")
        .hasSize(2);
    assertThat(failed.nextRun()).isEqualTo(WEDNESDAY_MORNING.plus(Duration.ofMinutes(1)));
    assertThat(failed.lastCompleted()).isNull();
    assertThat(failed.firstHarvest()).isTrue();

    clock.advance(Duration.ofMinutes(1));
    HarvestStatus again = awaitRuns(2, false);
    assertThat(again.nextRun()).isEqualTo(WEDNESDAY_MORNING.plus(Duration.ofMinutes(3)));

    try (FakeSources back = FakeSources.onPort(port)) {
      clock.advance(Duration.ofMinutes(2));
      HarvestStatus done = awaitRuns(0, true);
      assertThat(done.unreachableSentence()).isNull();
      assertThat(library.count()).isEqualTo(7);
      assertThat(done.nextRun()).isEqualTo(WEDNESDAY_RUN);
      assertThat(
              LocalDate.parse(
                  library.state().get("harvest:hf-daily:last:" + back.hfBase()).orElseThrow()))
          .isEqualTo(LocalDate.of(2024, 3, 13));
    }
  }
}
