package dev.lectern.app;

import dev.lectern.embed.EmbeddingProgress;
import dev.lectern.embed.EmbeddingQueue;
import dev.lectern.embed.EmbeddingStatus;
import dev.lectern.index.IndexFields;
import dev.lectern.index.LuceneIndex;
import dev.lectern.index.PaperIndex.SyncReport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.FieldExistsQuery;

/**
 * The work a long-running Lectern does besides answering requests: it follows the library, so
 * papers that another process imports become searchable by words within one interval, and it runs
 * the embedding queue, so they become searchable by meaning once embedded. Neither blocks a search:
 * the index publishes each commit to new searchers while running searches keep the view they
 * started with.
 */
public final class Background {
  /** What the background work reports; called on its threads, so keep it quick. */
  public interface Events extends EmbeddingProgress, Harvester.Events {
    Events QUIET = new Events() {};

    /** The index caught up with library changes made elsewhere (another process's import). */
    default void indexed(SyncReport report) {}

    /**
     * Vectors the library held but the index lacked (a kill between the two) were attached at
     * start.
     */
    default void vectorsAttached(int papers) {}

    /** Following the library failed; it is tried again after the next interval. */
    default void followFailed(RuntimeException failure) {}
  }

  /**
   * Where the library, the index and the embeddings stand.
   *
   * @param embedded papers with a vector for their current text; {@code embedded + pending =
   *     libraryPapers}
   * @param pending papers without one, {@code unembeddable} included
   * @param unembeddable papers the model failed on, not tried again while their text is unchanged
   * @param queueRunning whether the embedding queue is working or waiting for work (false once
   *     stopped)
   * @param queueRun progress of the queue's current or last run
   * @param lastFollowed when the library was last checked for changes; null before the first check
   * @param followError why the last check failed, null when it succeeded
   */
  public record Status(
      long libraryPapers,
      long libraryChangeSeq,
      long indexedPapers,
      long indexedWithVectors,
      long indexChangeSeq,
      String model,
      long embedded,
      long pending,
      long unembeddable,
      boolean queueRunning,
      EmbeddingStatus queueRun,
      Instant lastFollowed,
      String followError) {
    /**
     * Whether the queue has papers it can still embed (it may be between chunks, or backing off).
     */
    public boolean embedding() {
      return queueRunning && pending > unembeddable;
    }

    /**
     * Time until every embeddable paper has a vector, at the current run's rate; null while no rate
     * is known or the queue is stopped. Counted from the library, not the run, which learns of
     * papers imported meanwhile only as it reaches them.
     */
    public Duration eta() {
      double rate = queueRun.docsPerSecond();
      if (!queueRunning) return null;
      if (!embedding()) return Duration.ZERO;
      return rate > 0
          ? Duration.ofMillis((long) Math.ceil((pending - unembeddable) / rate * 1000))
          : null;
    }
  }

  private final Lectern lectern;
  private final Duration followInterval;
  private final Events events;
  private final EmbeddingQueue queue;
  private final ScheduledExecutorService follower =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("lectern-background").daemon().factory());
  private final Harvester harvester;
  private volatile Instant lastFollowed;
  private volatile String followError;
  private volatile PendingCount counted;

  /**
   * Papers lacking a vector, counted in the library (a join over every paper: seconds at 1M
   * papers), and how many the queue's run had embedded at that moment. Counting again for every
   * status request would make a polling client a load on the library, so the count is kept and
   * advanced by the queue's progress; it is taken again when the library changes, when the queue
   * starts a new run, and every {@link #RECOUNT_INTERVAL}.
   */
  private record PendingCount(long pending, long queueDone, Instant at) {}

  static final Duration RECOUNT_INTERVAL = Duration.ofMinutes(5);

  /**
   * Time a harvest gets to end when stopping: an interrupted request ends at once, a batch being
   * committed within a second or so; the rest of the stop's time is the embedding chunk's.
   */
  private static final Duration HARVEST_STOP = Duration.ofSeconds(5);

  /**
   * @param followInterval how often to look for library changes made by other processes
   */
  public Background(Lectern lectern, Duration followInterval, Events events) {
    this(lectern, followInterval, events, null);
  }

  /**
   * @param harvest how to harvest while serving; null, or not enabled, for no harvesting
   */
  public Background(
      Lectern lectern, Duration followInterval, Events events, HarvestConfig harvest) {
    if (followInterval.isNegative() || followInterval.isZero()) {
      throw new IllegalArgumentException(
          "the follow interval must be positive, got " + followInterval);
    }
    this.lectern = lectern;
    this.followInterval = followInterval;
    this.events = events;
    this.queue =
        new EmbeddingQueue(
            lectern.library().embeddings(),
            lectern.embedder(),
            EmbeddingQueue.Options.defaults(),
            lectern.vectorListener(),
            recountingWhenCaughtUp(events));
    this.harvester =
        harvest == null || !harvest.enabled()
            ? null
            : new Harvester(lectern.library(), harvest, events, this::followSoon);
  }

  /**
   * The events, plus a fresh pending count once the queue has nothing left: the count is then exact
   * again.
   */
  private EmbeddingProgress recountingWhenCaughtUp(Events events) {
    return new EmbeddingProgress() {
      @Override
      public void chunkStored(EmbeddingStatus s) {
        events.chunkStored(s);
      }

      @Override
      public void skipped(String paperId, String title, String reason) {
        events.skipped(paperId, title, reason);
      }

      @Override
      public void failed(String message, Throwable cause, Duration retryIn) {
        events.failed(message, cause, retryIn);
      }

      @Override
      public void caughtUp(EmbeddingStatus s) {
        counted = null; // the next status counts again (on the follower thread, or on the request)
        events.caughtUp(s);
      }
    };
  }

  /**
   * Opens the index (catching up with the library), then starts embedding and following in the
   * background. Returns once the index is open: it is searchable by words from then on.
   */
  @SuppressWarnings(
      "FutureReturnValueIgnored") // followQuietly reports its own failures; close() stops it
  public void start() {
    lectern.index();
    follower.execute(
        () -> {
          // before the queue starts, so that its chunks in flight cannot make the counts disagree
          attachMissingVectors();
          queue.start();
        });
    long millis = followInterval.toMillis();
    follower.scheduleWithFixedDelay(this::followQuietly, millis, millis, TimeUnit.MILLISECONDS);
    if (harvester != null) harvester.start();
  }

  /** Where harvesting stands; {@link HarvestStatus#off} when this process does not harvest. */
  public HarvestStatus harvestStatus() {
    return harvester == null ? HarvestStatus.off() : harvester.status();
  }

  /** Follows the library now rather than at the next interval: a harvest just stored papers. */
  private void followSoon() {
    try {
      follower.execute(this::followQuietly);
    } catch (RejectedExecutionException e) {
      // stopping: the next start catches up
    }
  }

  /**
   * Brings the index up to date now if the library moved past it, and wakes the embedding queue for
   * the new papers. Returns what the sync did, or null when the index was up to date.
   */
  public SyncReport follow() {
    LuceneIndex index = lectern.index();
    SyncReport report = null;
    if (lectern.library().lastChangeSeq() > index.watermark().changeSeq()) {
      report = index.sync();
      counted = null; // new or changed papers: count again
      queue.wake();
    }
    PendingCount c = counted;
    if (c == null || c.at().plus(RECOUNT_INTERVAL).isBefore(Instant.now())) recountPending();
    lastFollowed = Instant.now();
    followError = null;
    return report;
  }

  private void followQuietly() {
    try {
      SyncReport report = follow();
      if (report != null) events.indexed(report);
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again: report, and try at the next interval
      followError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      events.followFailed(e);
    }
  }

  /**
   * The queue stores vectors in the library first and hands them to the index second; a process
   * killed in between leaves papers embedded but not searchable by meaning, and nothing pending to
   * redo them. Counting is cheap, so the full repair (which reads every stored vector) runs only
   * when the counts disagree.
   */
  private void attachMissingVectors() {
    try {
      Status s = status();
      if (s.indexedWithVectors() < s.embedded()) {
        int attached = lectern.index().attachMissingVectors();
        if (attached > 0) events.vectorsAttached(attached);
      }
    } catch (RuntimeException e) {
      events.failed(
          "could not check the index for missing vectors (`lectern reindex` repairs it): "
              + e.getMessage(),
          e,
          null);
    }
  }

  /**
   * Stops following and embedding: a sync in progress completes, the chunk being embedded is
   * stored. Returns whether everything stopped within the timeout.
   */
  public boolean stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    // first, so that it cannot ask the follower for work while that stops; a harvest still
    // finishing its request after this only writes to the library, which needs no closing
    if (harvester != null)
      harvester.stop(HARVEST_STOP.compareTo(timeout) < 0 ? HARVEST_STOP : timeout);
    follower.shutdown();
    boolean followerStopped;
    try {
      followerStopped =
          follower.awaitTermination(
              Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      followerStopped = false;
    }
    boolean queueStopped = queue.stop(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    return followerStopped && queueStopped;
  }

  public Status status() {
    LuceneIndex index = lectern.index();
    long changeSeq = lectern.library().lastChangeSeq();
    long papers = lectern.library().count();
    long pending = Math.min(papers, pending());
    int withVectors = index.search(s -> s.count(new FieldExistsQuery(IndexFields.VECTOR)));
    return new Status(
        papers,
        changeSeq,
        index.size(),
        withVectors,
        index.watermark().changeSeq(),
        queue.model(),
        papers - pending,
        pending,
        queue.skippedPaperIds().size(),
        queue.isRunning(),
        queue.status(),
        lastFollowed,
        followError);
  }

  /** Papers lacking a vector now: the last count less what the queue has embedded since. */
  private long pending() {
    PendingCount c = counted;
    long done = queue.status().done();
    if (c == null || done < c.queueDone())
      c = recountPending(); // none yet, or the queue began a new run
    return Math.max(0, c.pending() - (done - c.queueDone()));
  }

  private PendingCount recountPending() {
    // the queue's progress is read first: vectors stored while counting are then at worst
    // subtracted twice,
    // an undercount that the next count corrects, rather than a paper reported pending forever
    long done = queue.status().done();
    PendingCount c =
        new PendingCount(
            lectern.library().embeddings().pendingCount(queue.model()), done, Instant.now());
    counted = c;
    return c;
  }
}
