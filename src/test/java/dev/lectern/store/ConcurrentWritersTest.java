package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.paper.Paper;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes writing the same library, as an import does while {@code lectern serve} stores
 * embeddings: each side has its own {@link Database} and connections, as a second process would.
 */
class ConcurrentWritersTest {
  @TempDir Path dir;

  private static Paper paper(String id, String title) {
    return TestLibrary.paper(
        id,
        title,
        "An abstract about " + title + ".",
        List.of("Ada Lovelace"),
        List.of("cs.LG"),
        LocalDate.of(2024, 5, 1),
        null);
  }

  @Test
  void anImportBatchHoldsTheWriteLockFromItsFirstReadSoAnotherWriterWaitsInsteadOfBreakingIt()
      throws Exception {
    PaperLibrary importing = new PaperLibrary(Database.openEmbedded(dir));
    PaperLibrary serving = new PaperLibrary(Database.openEmbedded(dir));
    Paper known = paper("2405.00001", "Known paper");
    TestLibrary.write(importing, known);

    try (PaperWriter writer = importing.writer(0)) {
      writer.write(known); // unchanged: the batch has only read so far
      // Before: the batch held a read snapshot only, the other process's write went through, and
      // the batch's
      // first write failed at once with SQLITE_BUSY_SNAPSHOT. Now the other writer finds the lock
      // taken.
      // a connection of its own, not the pool's: the pool would hand on its busy_timeout of 0
      try (Connection other = DriverManager.getConnection(serving.database().url());
          Statement s = other.createStatement()) {
        s.execute("PRAGMA busy_timeout=0");
        assertThatThrownBy(() -> s.executeUpdate("UPDATE sync_state SET value = value"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("SQLITE_BUSY");
      }
      // and with the usual busy_timeout it simply waits for the batch to commit
      CompletableFuture<Void> embeddings =
          CompletableFuture.runAsync(
              () ->
                  serving
                      .embeddings()
                      .putAll(
                          "m",
                          Map.of(known.id(), new float[] {1, 0}),
                          Map.of(known.id(), known.textHash())));
      writer.write(paper("2405.00002", "New paper"));
      writer.commit(Map.of("checkpoint", "2"), null);
      embeddings.get(30, TimeUnit.SECONDS);
    }
    assertThat(serving.count()).isEqualTo(2);
    assertThat(importing.embeddings().get("m", List.of(known.id()))).containsKey(known.id());
  }

  @Test
  void twoImportsAtOnceNeverReuseAChangeNumberSoTheIndexMissesNothing() {
    PaperLibrary first = new PaperLibrary(Database.openEmbedded(dir));
    PaperLibrary second =
        new PaperLibrary(Database.openEmbedded(dir)); // both start counting from 0
    TestLibrary.write(first, paper("2405.00001", "First import"));
    long indexedUpTo =
        first.lastChangeSeq(); // an index following the library has applied this much

    TestLibrary.write(second, paper("2405.00002", "Second import"));
    assertThat(second.changedSince(indexedUpTo, 10))
        .extracting(c -> c.paper().id())
        .as("the second import's paper comes after what was indexed")
        .containsExactly("2405.00002");
  }
}
