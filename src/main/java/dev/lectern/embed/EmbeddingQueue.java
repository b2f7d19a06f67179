package dev.lectern.embed;

import dev.lectern.store.EmbeddingStore;
import dev.lectern.store.EmbeddingStore.Pending;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fills in the library's missing and stale vectors: takes a chunk of pending papers, embeds them,
 * stores the chunk in one transaction, then hands the vectors to a listener (the search index). The
 * library is the only checkpoint: a kill loses at most the chunk in flight, and a restart resumes
 * with what is still pending.
 *
 * <p>Runs in the foreground ({@link #runUntilDone}) or on a background daemon thread ({@link
 * #start} / {@link #stop}) that polls for new work when idle; the caller is never blocked, so
 * lexical search keeps working while vectors are computed.
 *
 * <p>Failures: when a chunk fails, a short probe text tells a broken model (or store) from a bad
 * text. A broken model means back off and retry the same chunk later; a working one means the
 * chunk's texts are embedded one by one, and those that still fail are skipped, reported, and not
 * tried again while their text is unchanged (for the life of this queue: a restart tries them once
 * more, which costs one retry).
 */
public final class EmbeddingQueue {
  /** A text every working model embeds, to tell a broken model from a text the model chokes on. */
  static final String PROBE_TEXT = "Graph neural networks. We study message passing on graphs.";

  /**
   * @param chunkSize papers embedded and stored together: the most a kill can lose (the default is
   *     a few seconds of work on a small CPU; see docs/performance.md)
   * @param pollInterval how long the background thread waits before looking for new pending papers
   * @param firstBackoff wait after a first failure; doubled after each further one, up to {@code
   *     maxBackoff}
   * @param maxAttempts consecutive failures after which {@link #runUntilDone} gives up (the
   *     background thread never gives up: it keeps retrying every {@code maxBackoff})
   */
  public record Options(
      int chunkSize,
      Duration pollInterval,
      Duration firstBackoff,
      Duration maxBackoff,
      int maxAttempts) {
    public Options {
      if (chunkSize < 1)
        throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
      requirePositive("poll interval", pollInterval);
      requirePositive("first back-off", firstBackoff);
      requirePositive("maximum back-off", maxBackoff);
      if (maxAttempts < 1)
        throw new IllegalArgumentException("attempts must be at least 1, got " + maxAttempts);
    }

    public static Options defaults() {
      return new Options(
          32, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(5), 5);
    }

    public Options withChunkSize(int n) {
      return new Options(n, pollInterval, firstBackoff, maxBackoff, maxAttempts);
    }

    public Options withPollInterval(Duration d) {
      return new Options(chunkSize, d, firstBackoff, maxBackoff, maxAttempts);
    }

    public Options withBackoff(Duration first, Duration max) {
      return new Options(chunkSize, pollInterval, first, max, maxAttempts);
    }

    public Options withMaxAttempts(int n) {
      return new Options(chunkSize, pollInterval, firstBackoff, maxBackoff, n);
    }

    private static void requirePositive(String what, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
    }
  }

  /** What {@link #runUntilDone} did. */
  public record Summary(long embedded, long skipped, Duration elapsed, boolean stopped) {}

  private enum Step {
    WORKED,
    IDLE
  }

  private final EmbeddingStore store;
  private final Embedder embedder;
  private final Options options;
  private final Consumer<Map<String, float[]>> listener;
  private final EmbeddingProgress progress;

  /** Papers skipped as id + text hash: a changed text gets another chance. */
  private final Set<String> skippedKeys = ConcurrentHashMap.newKeySet();

  /** The library change up to which this pass has stored vectors (see {@link #nextChunk}). */
  private volatile long cursor;

  private final Object lock = new Object();
  private volatile boolean stopping;
  private volatile EmbeddingStatus lastStatus = new EmbeddingStatus(0, 0, 0, 0, null);
  private boolean running; // guarded by lock: one worker at a time, foreground or background

  /**
   * @param listener receives each stored chunk's vectors (paper id -> vector), e.g. to add them to
   *     the search index; if it throws, the failure is reported and the vectors stay stored
   */
  public EmbeddingQueue(
      EmbeddingStore store,
      Embedder embedder,
      Options options,
      Consumer<Map<String, float[]>> listener,
      EmbeddingProgress progress) {
    this.store = store;
    this.embedder = embedder;
    this.options = options;
    this.listener = listener;
    this.progress = progress;
  }

  /** The model whose vectors this queue fills in. */
  public String model() {
    return embedder.modelId();
  }

  /** The latest progress of the current (or last) run, safe to read from any thread. */
  public EmbeddingStatus status() {
    return lastStatus;
  }

  /** Ids of the papers skipped because the model fails on their text. */
  public Set<String> skippedPaperIds() {
    Set<String> ids = new java.util.TreeSet<>();
    for (String key : skippedKeys) ids.add(key.substring(0, key.lastIndexOf('#')));
    return ids;
  }

  /**
   * Embeds everything pending, on this thread, and returns when nothing is left or {@link #stop}
   * was called (from another thread, e.g. a shutdown hook).
   *
   * @throws EmbeddingException after {@code maxAttempts} failures in a row, with the last one as
   *     cause
   */
  public Summary runUntilDone() {
    claim();
    long start = System.nanoTime();
    try {
      Run run = drive(true);
      long embedded = run == null ? 0 : run.done;
      long skipped = run == null ? 0 : run.skipped;
      return new Summary(embedded, skipped, Duration.ofNanos(System.nanoTime() - start), stopping);
    } finally {
      release();
    }
  }

  /** Starts embedding on a background daemon thread and returns at once. */
  public void start() {
    synchronized (lock) {
      claim();
      Thread worker = new Thread(this::background, "lectern-embed");
      worker.setDaemon(
          true); // never keeps the JVM alive: whatever is stored is kept, the rest stays pending
      worker.start();
    }
  }

  /** Wakes the background thread now instead of at its next poll, e.g. right after an import. */
  public void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /**
   * Asks the worker to stop after the chunk in flight (which is stored) and waits for it up to
   * {@code timeout}. Returns whether it has stopped.
   */
  public boolean stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
      long left;
      // waits for the foreground run as well as the background thread: both release() when they end
      while (running && (left = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return !running;
    }
  }

  /** {@link #stop(Duration)} waiting up to a minute: one chunk takes seconds. */
  public boolean stop() {
    return stop(Duration.ofMinutes(1));
  }

  /** Whether a worker (foreground or background) is running. */
  public boolean isRunning() {
    synchronized (lock) {
      return running;
    }
  }

  private void claim() {
    synchronized (lock) {
      if (running) throw new IllegalStateException("this embedding queue is already running");
      running = true;
      stopping = false;
    }
  }

  private void release() {
    synchronized (lock) {
      running = false;
      lock.notifyAll();
    }
  }

  private void background() {
    try {
      drive(false);
    } catch (RuntimeException | Error e) {
      progress.failed("the background embedding thread stopped on an unexpected error", e, null);
      throw e;
    } finally {
      release();
    }
  }

  /**
   * The loop shared by both modes: embed chunks while there are any; when idle, return (foreground)
   * or poll (background); after a failure, back off. Returns the last run.
   */
  private Run drive(boolean untilDone) {
    Run run = null;
    int failures = 0;
    while (!stopping) {
      Step step;
      try {
        if (run == null) run = new Run();
        step = step(run);
        failures = 0;
      } catch (RuntimeException e) {
        failures++;
        if (untilDone && failures >= options.maxAttempts()) {
          progress.failed("embedding failed " + failures + " times in a row; giving up", e, null);
          throw new EmbeddingException(
              "embedding failed "
                  + failures
                  + " times in a row (last: "
                  + e.getMessage()
                  + "); what is stored is kept, run again to resume",
              e);
        }
        Duration wait = backoff(failures);
        progress.failed(describe(e), e, wait);
        pause(wait);
        continue;
      }
      if (step == Step.IDLE) {
        if (run.started()) {
          lastStatus = run.status();
          progress.caughtUp(lastStatus);
        }
        if (untilDone) return run;
        run = null;
        pause(options.pollInterval());
      }
    }
    return run;
  }

  private static String describe(RuntimeException e) {
    return e instanceof EmbeddingException
        ? e.getMessage()
        : "could not read or store embeddings: " + e.getMessage();
  }

  private Duration backoff(int failures) {
    long first = options.firstBackoff().toMillis();
    long millis =
        first << Math.min(failures - 1, 20); // doubling, shift capped so it cannot overflow
    return Duration.ofMillis(Math.min(millis, options.maxBackoff().toMillis()));
  }

  /** Waits until the timeout, {@link #stop} or {@link #wake}, whichever comes first. */
  private void pause(Duration d) {
    long deadline = System.nanoTime() + d.toNanos();
    synchronized (lock) {
      long left;
      while (!stopping && (left = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
          return; // woken early: stop or wake, either way go look
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
    }
  }

  /** Embeds and stores one chunk; throws when the model or the store fails for the whole chunk. */
  private Step step(Run run) {
    List<Pending> chunk = nextChunk();
    if (chunk.isEmpty()) return Step.IDLE;
    if (!run.started()) run.begin(store.pendingCount(model()) - skippedKeys.size());
    List<String> texts = chunk.stream().map(p -> text(p)).toList();
    List<float[]> vectors;
    try {
      vectors = embed(texts);
    } catch (RuntimeException e) {
      vectors = isolate(chunk, texts, e, run);
    }
    store(chunk, vectors, run);
    return Step.WORKED;
  }

  /**
   * The next pending papers, those skipped left out (asking for more so skipped ones cannot crowd
   * it). It continues after the last stored chunk; when nothing is left there, it looks once more
   * from the start, for whatever an earlier failure left behind.
   */
  private List<Pending> nextChunk() {
    List<Pending> out = pendingAfter(cursor);
    if (out.isEmpty() && cursor > 0) {
      cursor = 0;
      out = pendingAfter(0);
    }
    return out;
  }

  private List<Pending> pendingAfter(long seq) {
    List<Pending> out = new ArrayList<>(options.chunkSize());
    for (Pending p : store.pending(model(), seq, options.chunkSize() + skippedKeys.size())) {
      if (!skippedKeys.contains(key(p)) && out.size() < options.chunkSize()) out.add(p);
    }
    return out;
  }

  /**
   * After a chunk failed: if the model still embeds a probe text, embeds the chunk's texts one by
   * one and skips those that fail (null in the result); otherwise the model itself is broken and
   * the chunk is retried later.
   */
  private List<float[]> isolate(
      List<Pending> chunk, List<String> texts, RuntimeException chunkFailure, Run run) {
    try {
      embed(List.of(PROBE_TEXT));
    } catch (RuntimeException probeFailure) {
      chunkFailure.addSuppressed(probeFailure);
      throw new EmbeddingException(
          "the embedding model failed on a chunk of "
              + chunk.size()
              + " papers and on a probe text too ("
              + chunkFailure.getMessage()
              + ")",
          chunkFailure);
    }
    List<float[]> vectors = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      try {
        vectors.add(embed(List.of(texts.get(i))).get(0));
      } catch (RuntimeException e) {
        Pending p = chunk.get(i);
        skippedKeys.add(key(p));
        run.skipped++;
        progress.skipped(
            p.paper().id(), p.paper().title(), "the model fails on its text: " + e.getMessage());
        vectors.add(null);
      }
    }
    return vectors;
  }

  /**
   * The model's vectors, checked: one per text, of the model's length, finite (a NaN would poison
   * search).
   */
  private List<float[]> embed(List<String> texts) {
    List<float[]> vectors = embedder.embedDocuments(texts);
    if (vectors.size() != texts.size()) {
      throw new EmbeddingException(
          "the model returned " + vectors.size() + " vectors for " + texts.size() + " texts");
    }
    for (float[] v : vectors) {
      if (v == null || v.length != embedder.dimensions()) {
        throw new EmbeddingException(
            "the model returned a vector of "
                + (v == null ? "no" : v.length)
                + " dimensions, expected "
                + embedder.dimensions());
      }
      for (float x : v) {
        if (!Float.isFinite(x))
          throw new EmbeddingException("the model returned a vector with NaN or infinity");
      }
    }
    return vectors;
  }

  private void store(List<Pending> chunk, List<float[]> vectors, Run run) {
    Map<String, float[]> byId = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (int i = 0; i < chunk.size(); i++) {
      if (vectors.get(i) == null) continue; // skipped
      String id = chunk.get(i).paper().id();
      byId.put(id, vectors.get(i));
      hashes.put(id, chunk.get(i).textHash());
    }
    if (!byId.isEmpty()) store.putAll(model(), byId, hashes);
    for (Pending p : chunk) cursor = Math.max(cursor, p.changeSeq());
    run.done += byId.size();
    // papers imported during the run: count them in, so the total stays ahead of what is done
    if (run.done + run.skipped >= run.total)
      run.total = run.done + run.skipped + store.pendingCount(model());
    lastStatus = run.status();
    progress.chunkStored(lastStatus);
    if (byId.isEmpty()) return;
    try {
      listener.accept(byId);
    } catch (RuntimeException e) {
      // the vectors are stored; an index rebuild from the library picks them up
      progress.failed(
          "the listener failed on "
              + byId.size()
              + " new vectors (they are stored; rebuild the "
              + "index to include them): "
              + e.getMessage(),
          e,
          null);
    }
  }

  private static String text(Pending p) {
    return Embedder.documentText(p.paper().title(), p.paper().abstractText());
  }

  private static String key(Pending p) {
    return p.paper().id() + "#" + p.textHash();
  }

  /** Counts of one run, touched only by the worker thread. */
  private static final class Run {
    long startNanos = -1;
    long total;
    long done;
    long skipped;

    boolean started() {
      return startNanos >= 0;
    }

    void begin(long pending) {
      startNanos = System.nanoTime();
      total = Math.max(0, pending);
    }

    EmbeddingStatus status() {
      double seconds = started() ? (System.nanoTime() - startNanos) / 1e9 : 0;
      double rate = seconds > 0 ? done / seconds : 0;
      long remaining = Math.max(0, total - done - skipped);
      Duration eta = rate > 0 ? Duration.ofMillis((long) Math.ceil(remaining / rate * 1000)) : null;
      return new EmbeddingStatus(done, total, skipped, rate, eta);
    }
  }
}
