package dev.lectern.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.EmbeddingStore;
import dev.lectern.store.PaperLibrary;
import dev.lectern.store.PaperWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue mechanics with a hash-based test embedder: fast and deterministic. */
class EmbeddingQueueTest {
  private static final EmbeddingQueue.Options FAST =
      EmbeddingQueue.Options.defaults()
          .withChunkSize(3)
          .withPollInterval(Duration.ofMillis(20))
          .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
          .withMaxAttempts(3);

  @TempDir Path dataDir;
  private PaperLibrary library;
  private EmbeddingStore store;
  private final Map<String, float[]> received = new ConcurrentHashMap<>();
  private final List<Integer> listenerCalls = new CopyOnWriteArrayList<>();
  private final Recorder progress = new Recorder();

  @BeforeEach
  void openLibrary() {
    library = new PaperLibrary(Database.openEmbedded(dataDir));
    store = library.embeddings();
  }

  static Paper paper(int i, String abstractText) {
    return Paper.of(
        String.format("2401.%05d", i),
        "Paper number " + i,
        abstractText,
        List.of("A. Author"),
        "test");
  }

  static void write(PaperLibrary library, Paper... papers) {
    try (PaperWriter w = library.writer(0)) {
      for (Paper p : papers) w.write(p);
      w.commit(Map.of(), null);
    }
  }

  private void writePapers(int from, int to) {
    List<Paper> papers = new ArrayList<>();
    for (int i = from; i < to; i++) papers.add(paper(i, "Abstract of paper " + i + "."));
    write(library, papers.toArray(Paper[]::new));
  }

  private EmbeddingQueue queue(Embedder embedder) {
    return new EmbeddingQueue(
        store,
        embedder,
        FAST,
        vectors -> {
          listenerCalls.add(vectors.size());
          received.putAll(vectors);
        },
        progress);
  }

  @Test
  void embedsEveryPendingPaperChunkByChunkAndHandsTheVectorsToTheListener() {
    writePapers(0, 10);
    HashEmbedder embedder = new HashEmbedder();

    EmbeddingQueue queue = queue(embedder);
    EmbeddingQueue.Summary summary = queue.runUntilDone();

    assertThat(summary.embedded()).isEqualTo(10);
    assertThat(queue.status().done()).isEqualTo(10);
    assertThat(summary.skipped()).isZero();
    assertThat(store.pendingCount("hash-test")).isZero();
    assertThat(listenerCalls).containsExactly(3, 3, 3, 1);
    assertThat(received).hasSize(10);
    Map<String, float[]> stored = store.get("hash-test", new ArrayList<>(received.keySet()));
    received.forEach((id, v) -> assertThat(stored.get(id)).containsExactly(v));
    Paper p = library.get("2401.00004").orElseThrow();
    assertThat(stored.get(p.id()))
        .containsExactly(HashEmbedder.vector(Embedder.documentText(p.title(), p.abstractText())));
    // progress: one report per chunk, ending at 10 of 10 with a rate, then caught up
    assertThat(progress.chunks).hasSize(4);
    EmbeddingStatus last = progress.chunks.getLast();
    assertThat(last.done()).isEqualTo(10);
    assertThat(last.total()).isEqualTo(10);
    assertThat(last.remaining()).isZero();
    assertThat(last.docsPerSecond()).isPositive();
    assertThat(progress.chunks.getFirst().eta()).isNotNull();
    assertThat(progress.caughtUp).hasSize(1);
  }

  @Test
  void runningAgainDoesNothing() {
    writePapers(0, 5);
    queue(new HashEmbedder()).runUntilDone();
    listenerCalls.clear();
    HashEmbedder second = new HashEmbedder();

    EmbeddingQueue.Summary again = queue(second).runUntilDone();

    assertThat(again.embedded()).isZero();
    assertThat(second.calls).hasValue(0);
    assertThat(listenerCalls).isEmpty();
    assertThat(progress.caughtUp).hasSize(1); // only the first run had anything to report
  }

  @Test
  void aPaperWhoseAbstractChangedIsEmbeddedAgain() {
    writePapers(0, 5);
    queue(new HashEmbedder()).runUntilDone();
    float[] before = store.get("hash-test", List.of("2401.00002")).get("2401.00002");
    received.clear();

    // a longer abstract wins the merge, so this changes the paper's text
    write(library, paper(2, "Abstract of paper 2, revised with a much longer explanation."));
    assertThat(store.pendingCount("hash-test")).isEqualTo(1);
    EmbeddingQueue.Summary summary = queue(new HashEmbedder()).runUntilDone();

    assertThat(summary.embedded()).isEqualTo(1);
    assertThat(received).containsOnlyKeys("2401.00002");
    float[] after = store.get("hash-test", List.of("2401.00002")).get("2401.00002");
    assertThat(after).isNotEqualTo(before).containsExactly(received.get("2401.00002"));
    assertThat(store.pendingCount("hash-test")).isZero();
  }

  @Test
  void aTextTheModelFailsOnIsSkippedReportedAndNotRetried() {
    writePapers(0, 7);
    HashEmbedder embedder = new HashEmbedder(text -> text.contains("paper 4."));
    EmbeddingQueue queue = queue(embedder);

    EmbeddingQueue.Summary summary = queue.runUntilDone();

    assertThat(summary.embedded()).isEqualTo(6);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(queue.skippedPaperIds()).containsExactly("2401.00004");
    assertThat(progress.skipped).singleElement().asString().startsWith("2401.00004");
    assertThat(store.pendingCount("hash-test"))
        .isEqualTo(1); // still pending: a new model may manage it
    assertThat(received).hasSize(6).doesNotContainKey("2401.00004");

    int calls = embedder.calls.get();
    assertThat(queue.runUntilDone().embedded()).isZero();
    assertThat(embedder.calls).hasValue(calls); // not tried again
  }

  @Test
  void aSkippedPaperWhoseTextChangesGetsAnotherChance() {
    writePapers(0, 3);
    HashEmbedder embedder = new HashEmbedder(text -> text.endsWith("paper 1."));
    EmbeddingQueue queue = queue(embedder);
    queue.runUntilDone();
    assertThat(queue.skippedPaperIds()).containsExactly("2401.00001");

    write(library, paper(1, "Abstract of paper 1, now with text the model can read."));

    assertThat(queue.runUntilDone().embedded()).isEqualTo(1);
    assertThat(store.pendingCount("hash-test")).isZero();
  }

  @Test
  void aBrokenModelSkipsNothingAndTheForegroundRunGivesUpAfterItsAttempts() {
    writePapers(0, 4);
    HashEmbedder embedder = new HashEmbedder();
    embedder.broken = true;
    EmbeddingQueue queue = queue(embedder);

    assertThatThrownBy(queue::runUntilDone)
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("3 times in a row")
        .hasMessageContaining("run again to resume");

    assertThat(progress.failures).hasSize(3);
    assertThat(progress.failures.getFirst()).contains("probe text");
    assertThat(queue.skippedPaperIds()).isEmpty();
    assertThat(queue.isRunning()).isFalse();

    embedder.broken = false;
    assertThat(queue.runUntilDone().embedded()).isEqualTo(4);
  }

  @Test
  void stoppingAForegroundRunKeepsWhatWasStoredAndANewQueueResumes() {
    writePapers(0, 9);
    HashEmbedder embedder = new HashEmbedder();
    EmbeddingQueue[] holder = new EmbeddingQueue[1];
    // stop from the progress callback after the first chunk, as a shutdown hook would mid-run
    holder[0] =
        new EmbeddingQueue(
            store,
            embedder,
            FAST,
            v -> {},
            new EmbeddingProgress() {
              @Override
              public void chunkStored(EmbeddingStatus status) {
                new Thread(() -> holder[0].stop(Duration.ZERO)).start();
                sleep(100);
              }
            });

    EmbeddingQueue.Summary summary = holder[0].runUntilDone();

    assertThat(summary.stopped()).isTrue();
    assertThat(summary.embedded()).isEqualTo(3);
    assertThat(store.pendingCount("hash-test")).isEqualTo(6);
    assertThat(queue(new HashEmbedder()).runUntilDone().embedded()).isEqualTo(6);
    assertThat(store.pendingCount("hash-test")).isZero();
  }

  @Test
  void theBackgroundThreadEmbedsWithoutBlockingPicksUpNewPapersAndStops() {
    writePapers(0, 5);
    EmbeddingQueue queue = queue(new HashEmbedder());

    queue.start();
    assertThat(queue.isRunning()).isTrue();
    await(() -> store.pendingCount("hash-test") == 0);

    writePapers(5, 8);
    queue.wake();
    await(() -> received.size() == 8);

    assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
    assertThat(queue.isRunning()).isFalse();
    writePapers(8, 10);
    sleep(100); // several poll intervals
    assertThat(store.pendingCount("hash-test")).isEqualTo(2);
    assertThat(received).hasSize(8);
  }

  @Test
  void aQueueRunsOnceAtATime() {
    EmbeddingQueue queue = queue(new HashEmbedder());
    queue.start();
    try {
      assertThatThrownBy(queue::start).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(queue::runUntilDone).isInstanceOf(IllegalStateException.class);
    } finally {
      assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
    }
    queue.start(); // may start again once stopped
    assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void theBackgroundThreadBacksOffWhileTheModelIsBrokenAndRecovers() {
    writePapers(0, 4);
    HashEmbedder embedder = new HashEmbedder();
    embedder.broken = true;
    EmbeddingQueue queue = queue(embedder);

    queue.start();
    await(
        () ->
            progress.failures.size() >= 5); // more than maxAttempts: the background never gives up
    assertThat(progress.retries).allMatch(d -> d != null && d.toMillis() <= 5);
    embedder.broken = false;
    await(() -> store.pendingCount("hash-test") == 0);
    assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
    assertThat(queue.skippedPaperIds()).isEmpty();
  }

  @Test
  void aFailingListenerIsReportedAndTheVectorsStayStored() {
    writePapers(0, 4);
    EmbeddingQueue queue =
        new EmbeddingQueue(
            store,
            new HashEmbedder(),
            FAST,
            v -> {
              throw new IllegalStateException("index closed");
            },
            progress);

    assertThat(queue.runUntilDone().embedded()).isEqualTo(4);

    assertThat(store.pendingCount("hash-test")).isZero();
    assertThat(progress.failures).hasSize(2).allMatch(m -> m.contains("index closed"));
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
      sleep(10);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records what the queue reports. */
  static final class Recorder implements EmbeddingProgress {
    final List<EmbeddingStatus> chunks = new CopyOnWriteArrayList<>();
    final List<EmbeddingStatus> caughtUp = new CopyOnWriteArrayList<>();
    final List<String> skipped = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<Duration> retries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void chunkStored(EmbeddingStatus status) {
      chunks.add(status);
    }

    @Override
    public void caughtUp(EmbeddingStatus status) {
      caughtUp.add(status);
    }

    @Override
    public void skipped(String paperId, String title, String reason) {
      skipped.add(paperId + " " + title + ": " + reason);
    }

    @Override
    public void failed(String message, Throwable cause, Duration retryIn) {
      failures.add(message);
      if (retryIn != null) retries.add(retryIn);
    }
  }
}
