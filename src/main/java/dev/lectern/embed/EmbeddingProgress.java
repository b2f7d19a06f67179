package dev.lectern.embed;

import java.time.Duration;

/** Shows how embedding is going. Called on the thread that embeds; keep it quick. */
public interface EmbeddingProgress {
  EmbeddingProgress QUIET = new EmbeddingProgress() {};

  /** A chunk was embedded and stored. */
  default void chunkStored(EmbeddingStatus status) {}

  /**
   * A paper whose text the model cannot embed; it will not be tried again while its text is
   * unchanged.
   */
  default void skipped(String paperId, String title, String reason) {}

  /** Something failed; {@code retryIn} is when the work is tried again, null if it is not. */
  default void failed(String message, Throwable cause, Duration retryIn) {}

  /** Nothing is left to embed (ends a run that embedded or skipped something). */
  default void caughtUp(EmbeddingStatus status) {}
}
