package dev.lectern.embed;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows how embedding is going. Called on the thread that embeds; keep it quick. */
public interface EmbeddingProgress {
  EmbeddingProgress QUIET = new EmbeddingProgress() {};

  /** Logs progress at info level and problems at warn level. */
  EmbeddingProgress LOG = new EmbeddingProgress() {
    private final Logger log = LoggerFactory.getLogger(EmbeddingQueue.class);

    @Override
    public void chunkStored(EmbeddingStatus s) {
      log.info("embedded {}/{} papers ({} docs/s, {} left)", s.done(), s.total(),
          String.format("%.1f", s.docsPerSecond()), s.eta() == null ? "?" : s.eta().withNanos(0));
    }

    @Override
    public void skipped(String paperId, String title, String reason) {
      log.warn("skipping paper {} ({}): {}", paperId, title, reason);
    }

    @Override
    public void failed(String message, Throwable cause, Duration retryIn) {
      log.warn("{}{}", message, retryIn == null ? "" : "; retrying in " + retryIn, cause);
    }

    @Override
    public void caughtUp(EmbeddingStatus s) {
      log.info("embeddings up to date: {} embedded, {} skipped", s.done(), s.skipped());
    }
  };

  /** A chunk was embedded and stored. */
  default void chunkStored(EmbeddingStatus status) {}

  /** A paper whose text the model cannot embed; it will not be tried again while its text is unchanged. */
  default void skipped(String paperId, String title, String reason) {}

  /** Something failed; {@code retryIn} is when the work is tried again, null if it is not. */
  default void failed(String message, Throwable cause, Duration retryIn) {}

  /** Nothing is left to embed (ends a run that embedded or skipped something). */
  default void caughtUp(EmbeddingStatus status) {}
}
