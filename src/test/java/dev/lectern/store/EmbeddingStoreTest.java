package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingStoreTest {
  private static final String MODEL = "test-model";
  @TempDir Path dir;
  private PaperLibrary library;
  private EmbeddingStore store;

  @BeforeEach
  void setUp() {
    library = new PaperLibrary(Database.openEmbedded(dir));
    store = library.embeddings();
    for (int i = 1; i <= 5; i++) {
      TestLibrary.write(library, paper(i, "Abstract " + i + "."));
    }
  }

  private static Paper paper(int i, String abstractText) {
    return TestLibrary.paper(
        "2401.0000" + i,
        "Paper " + i,
        abstractText,
        List.of("A"),
        List.of("cs.LG"),
        LocalDate.of(2024, 1, i),
        null);
  }

  private void embed(EmbeddingStore.Pending p) {
    store.putAll(
        MODEL, Map.of(p.paper().id(), new float[] {1, 0}), Map.of(p.paper().id(), p.textHash()));
  }

  @Test
  void everyPaperWithoutAVectorIsPendingInChangeOrder() {
    assertThat(store.pending(MODEL, 10))
        .extracting(p -> p.paper().id())
        .containsExactly("2401.00001", "2401.00002", "2401.00003", "2401.00004", "2401.00005");
    assertThat(store.pendingCount(MODEL)).isEqualTo(5);
  }

  @Test
  void aCursorContinuesAfterTheLastChangeHandled() {
    var first = store.pending(MODEL, 0, 2);
    first.forEach(this::embed);
    var next = store.pending(MODEL, first.getLast().changeSeq(), 2);
    assertThat(next).extracting(p -> p.paper().id()).containsExactly("2401.00003", "2401.00004");
    assertThat(store.pendingCount(MODEL)).isEqualTo(3);
  }

  @Test
  void aChangedAbstractMakesTheStoredVectorStale() {
    store.pending(MODEL, 10).forEach(this::embed);
    assertThat(store.pendingCount(MODEL)).isZero();
    TestLibrary.write(library, paper(2, "A longer, revised abstract for the second version."));
    assertThat(store.pending(MODEL, 10))
        .extracting(p -> p.paper().id())
        .containsExactly("2401.00002");
    assertThat(store.get(MODEL, List.of("2401.00002"))).containsKey("2401.00002");
  }

  @Test
  void aFreshVectorIsOneComputedFromTheTextAsked() {
    store.pending(MODEL, 10).forEach(this::embed);
    String hash = paper(1, "Abstract 1.").textHash();
    assertThat(store.getFresh(MODEL, Map.of("2401.00001", hash))).containsOnlyKeys("2401.00001");
    // another text, another model, a paper without a vector: none
    assertThat(store.getFresh(MODEL, Map.of("2401.00001", paper(1, "Other.").textHash())))
        .isEmpty();
    assertThat(store.getFresh("other-model", Map.of("2401.00001", hash))).isEmpty();
    assertThat(store.getFresh(MODEL, Map.of("2401.09999", hash))).isEmpty();
  }
}
