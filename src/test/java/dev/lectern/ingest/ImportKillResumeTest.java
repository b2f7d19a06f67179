package dev.lectern.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.store.Database;
import dev.lectern.store.ImportRuns;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.LibraryContent;
import dev.lectern.testing.SyntheticSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9}: a child JVM imports a file and is killed in the middle; the library must
 * be consistent, and running the import again must finish the job with exactly the content of an
 * import that was never interrupted.
 */
class ImportKillResumeTest {
  private static final int RECORDS = 60_000;

  @TempDir Path dir;

  @Test
  void anImportKilledMidwayResumesToTheSameContentAsAnUninterruptedOne() throws Exception {
    Path file = SyntheticSnapshot.write(dir.resolve("snapshot.jsonl"), RECORDS);
    Path killedDir = dir.resolve("killed");
    PaperLibrary killed = new PaperLibrary(Database.openEmbedded(killedDir));

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.lectern.cli.Main",
                "--data-dir",
                killedDir.toString(),
                "import",
                "arxiv-snapshot",
                "--batch-size",
                "1000",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    long committed = waitForCommittedPapers(killed, 5_000, child);
    assertThat(committed)
        .as("the child must be killed mid-import, not after it finished")
        .isLessThan(RECORDS);
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no cleanup
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(LibraryContent.integrityCheck(killed)).isEqualTo("ok");
    long afterKill = killed.count();
    assertThat(afterKill).isBetween(committed, (long) RECORDS - 1);

    ImportSummary resumed =
        new Importer(killed, 1000, ImportProgress.QUIET).run(new SnapshotSource(file));
    assertThat(resumed.message()).contains("resuming after line");
    assertThat(resumed.counts().read())
        .as("the resumed run skips what was committed")
        .isLessThan(RECORDS);
    assertThat(killed.count()).isEqualTo(RECORDS);
    List<ImportRuns.Run> runs = killed.runs().recent(2);
    assertThat(runs.get(0).status()).isEqualTo("completed");
    assertThat(runs.get(1).status())
        .as("the killed run is recognised as such")
        .isEqualTo("interrupted");

    PaperLibrary clean = new PaperLibrary(Database.openEmbedded(dir.resolve("clean")));
    new Importer(clean, 1000, ImportProgress.QUIET).run(new SnapshotSource(file));
    assertThat(LibraryContent.digest(killed)).isEqualTo(LibraryContent.digest(clean));

    ImportSummary third =
        new Importer(killed, 1000, ImportProgress.QUIET).run(new SnapshotSource(file));
    assertThat(third.counts().read())
        .as("a finished import starts from the top when run again")
        .isEqualTo(RECORDS);
    assertThat(third.counts().unchanged()).isEqualTo(RECORDS);
  }

  /**
   * Polls the library from outside the child until it has committed at least {@code min} papers.
   */
  private static long waitForCommittedPapers(PaperLibrary library, long min, Process child)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Connection c = library.database().connect();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM papers")) {
        rs.next();
        long n = rs.getLong(1);
        if (n >= min) return n;
      }
      if (!child.isAlive()) throw new AssertionError("the import ended before it could be killed");
      Thread.sleep(5);
    }
    throw new AssertionError("the child committed fewer than " + min + " papers in 60 s");
  }
}
