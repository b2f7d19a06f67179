package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.Embedder;
import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background work of a long-running Lectern, on a real library, index and model. */
class BackgroundTest {
  @TempDir Path dataDir;

  private Lectern lectern() {
    return new Lectern(
        Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
  }

  private static Paper paper(int i, String topic) {
    return TestLibrary.paper(
        "2406.0000" + i,
        "A study of " + topic,
        "We study " + topic + " at some length.",
        List.of("Ada Lovelace"),
        List.of("cs.LG"),
        LocalDate.of(2024, 6, i),
        null);
  }

  @Test
  void followingIndexesWhatAnotherProcessWroteAndDoesNothingWhenTheIndexIsUpToDate() {
    try (Lectern lectern = lectern()) {
      TestLibrary.write(lectern.library(), paper(1, "graph transformers"));
      Background background =
          new Background(lectern, Duration.ofSeconds(5), Background.Events.QUIET);
      lectern.index();
      assertThat(background.follow()).as("up to date").isNull();

      TestLibrary.write(
          new PaperLibrary(Database.openEmbedded(dataDir)), paper(2, "protein folding"));
      var report = background.follow();
      assertThat(report.indexed()).isEqualTo(1);
      assertThat(lectern.index().contains("2406.00002")).isTrue();
      assertThat(background.status().indexChangeSeq()).isEqualTo(lectern.library().lastChangeSeq());
      assertThat(background.status().lastFollowed()).isNotNull();
    }
  }

  @Test
  void vectorsStoredButNeverIndexedBeforeAKillAreAttachedAtStart() throws Exception {
    List<Paper> papers =
        List.of(
            paper(1, "graph transformers"),
            paper(2, "protein folding"),
            paper(3, "robot grasping"));
    try (Lectern killed = lectern()) {
      TestLibrary.write(killed.library(), papers.toArray(Paper[]::new));
      killed.index(); // the papers are searchable by words
      // the queue's first half: vectors stored in the library; the kill comes before it hands them
      // to the index
      List<float[]> vectors =
          killed
              .embedder()
              .embedDocuments(
                  papers.stream()
                      .map(p -> Embedder.documentText(p.title(), p.abstractText()))
                      .toList());
      Map<String, float[]> byId = new HashMap<>();
      Map<String, String> hashes = new HashMap<>();
      for (int i = 0; i < papers.size(); i++) {
        byId.put(papers.get(i).id(), vectors.get(i));
        hashes.put(papers.get(i).id(), papers.get(i).textHash());
      }
      killed.library().embeddings().putAll(killed.embedder().modelId(), byId, hashes);
    }

    AtomicInteger attached = new AtomicInteger();
    try (Lectern restarted = lectern()) {
      Background background =
          new Background(
              restarted,
              Duration.ofSeconds(5),
              new Background.Events() {
                @Override
                public void vectorsAttached(int n) {
                  attached.addAndGet(n);
                }
              });
      assertThat(background.status().pending())
          .as("nothing is left for the queue to redo")
          .isZero();
      assertThat(background.status().indexedWithVectors()).isZero();
      background.start();
      Eventually.await(
          "the stored vectors are attached",
          Duration.ofSeconds(30),
          attached::get,
          n -> n == papers.size());
      assertThat(background.status().indexedWithVectors()).isEqualTo(papers.size());
      background.stop(Duration.ofSeconds(30));
    }
  }
}
