package dev.lectern.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.EmbeddingStore;
import dev.lectern.store.PaperLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue with the real int8 bge-small model on a handful of papers (a few seconds). */
class EmbeddingQueueModelTest {
  private static final String MODEL = OnnxBgeEmbedder.MODEL_ID;
  private static OnnxBgeEmbedder embedder;

  @TempDir Path dataDir;
  private PaperLibrary library;
  private EmbeddingStore store;
  private final Map<String, float[]> received = new ConcurrentHashMap<>();

  @BeforeAll
  static void load() {
    embedder = OnnxBgeEmbedder.open();
  }

  @AfterAll
  static void close() {
    if (embedder != null) embedder.close();
  }

  @BeforeEach
  void openLibrary() {
    library = new PaperLibrary(Database.openEmbedded(dataDir));
    store = library.embeddings();
    EmbeddingQueueTest.write(
        library,
        Paper.of(
            "2401.00001",
            "Exploring Sparsity in Graph Transformers",
            "Graph transformers are expensive; we prune attention edges, heads and layers.",
            List.of(),
            "t"),
        Paper.of(
            "2401.00002",
            "Monaural Speech Separation with Dual-Path Networks",
            "We separate overlapping speakers from a single-channel recording.",
            List.of(),
            "t"),
        Paper.of(
            "2401.00003",
            "Faster Sampling for Latent Diffusion Models",
            "We distil a latent diffusion model into a four-step student.",
            List.of(),
            "t"),
        Paper.of(
            "2401.00004",
            "Neural Collapse in Deep Classifiers",
            "Last-layer features collapse to their class means late in training.",
            List.of(),
            "t"),
        Paper.of(
            "2401.00005",
            "Hypernetworks for Continual Learning",
            "A hypernetwork generates the weights of a task network from a task embedding.",
            List.of(),
            "t"));
  }

  private EmbeddingQueue queue() {
    return new EmbeddingQueue(
        store,
        embedder,
        EmbeddingQueue.Options.defaults().withChunkSize(2).withPollInterval(Duration.ofMillis(50)),
        received::putAll,
        EmbeddingProgress.QUIET);
  }

  @Test
  void everyPendingPaperGetsAUnitVectorARerunDoesNothingAndAChangedAbstractIsReembedded() {
    assertThat(store.pendingCount(MODEL)).isEqualTo(5);

    assertThat(queue().runUntilDone().embedded()).isEqualTo(5);

    assertThat(store.pendingCount(MODEL)).isZero();
    assertThat(received).hasSize(5);
    Map<String, float[]> stored = store.get(MODEL, List.copyOf(received.keySet()));
    for (var e : received.entrySet()) {
      assertThat(e.getValue()).hasSize(OnnxBgeEmbedder.DIMENSIONS);
      assertThat(norm(e.getValue())).isCloseTo(1.0, within(1e-4));
      assertThat(stored.get(e.getKey())).containsExactly(e.getValue());
    }

    received.clear();
    assertThat(queue().runUntilDone().embedded()).isZero();
    assertThat(received).isEmpty();

    float[] before = stored.get("2401.00004");
    EmbeddingQueueTest.write(
        library,
        Paper.of(
            "2401.00004",
            "Neural Collapse in Deep Classifiers",
            "Last-layer features collapse to their class means late in training, and we show why this helps "
                + "transfer to new classes.",
            List.of(),
            "t"));
    assertThat(store.pendingCount(MODEL)).isEqualTo(1);
    assertThat(queue().runUntilDone().embedded()).isEqualTo(1);
    assertThat(received).containsOnlyKeys("2401.00004");
    float[] after = store.get(MODEL, List.of("2401.00004")).get("2401.00004");
    assertThat(after).containsExactly(received.get("2401.00004"));
    assertThat(dot(before, after)).isBetween(0.8, 0.9999); // same topic, different text
  }

  @Test
  void inTheBackgroundStartReturnsAtOnceAndStopStops() throws Exception {
    EmbeddingQueue queue = queue();
    long start = System.nanoTime();
    queue.start();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (store.pendingCount(MODEL) > 0 && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(store.pendingCount(MODEL)).isZero();
    assertThat(queue.stop(Duration.ofSeconds(10))).isTrue();
    assertThat(queue.isRunning()).isFalse();
    assertThat(received).hasSize(5);
  }

  private static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
    return s;
  }
}
