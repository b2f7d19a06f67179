package dev.lectern.json;

import dev.lectern.app.Background;
import dev.lectern.app.HarvestStatus;
import dev.lectern.embed.EmbeddingStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What a running Lectern holds and is doing: the library, the index, the embeddings and the
 * harvests.
 */
public record StatusJson(
    LibraryJson library, IndexJson index, EmbeddingsJson embeddings, HarvestJson harvest) {

  public record LibraryJson(long papers, long changeSeq) {}

  /**
   * @param behind library changes the index has not applied yet
   */
  public record IndexJson(
      long papers,
      long withVectors,
      long changeSeq,
      long behind,
      String lastFollowed,
      String followError) {}

  /**
   * @param unembeddable papers the model fails on (counted in {@code pending}, skipped until their
   *     text changes)
   */
  public record EmbeddingsJson(
      String model, long done, long pending, long unembeddable, QueueJson queue) {}

  /**
   * The queue: {@code state} is embedding, idle or stopped; {@code embeddedThisRun} and {@code
   * docsPerSecond} describe its current (or last) run, which starts when it finds work; {@code
   * etaSeconds} is the time until nothing is pending at that rate (null until a rate is known).
   */
  public record QueueJson(
      String state, long embeddedThisRun, double docsPerSecond, Long etaSeconds) {}

  public static StatusJson of(Background.Status s, HarvestStatus harvest) {
    EmbeddingStatus run = s.queueRun();
    String state = !s.queueRunning() ? "stopped" : s.embedding() ? "embedding" : "idle";
    Duration eta = s.eta();
    return new StatusJson(
        new LibraryJson(s.libraryPapers(), s.libraryChangeSeq()),
        new IndexJson(
            s.indexedPapers(),
            s.indexedWithVectors(),
            s.indexChangeSeq(),
            Math.max(0, s.libraryChangeSeq() - s.indexChangeSeq()),
            iso(s.lastFollowed()),
            s.followError()),
        new EmbeddingsJson(
            s.model(),
            s.embedded(),
            s.pending(),
            s.unembeddable(),
            new QueueJson(
                state,
                run.done(),
                Math.round(run.docsPerSecond() * 10) / 10.0,
                eta == null ? null : eta.toSeconds())),
        HarvestJson.of(harvest));
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
