package dev.lectern.index;

/**
 * How a sync or a rebuild of the index advances, for a progress bar. Called on the thread that
 * syncs; a sync with nothing to do calls nothing.
 */
public interface IndexProgress {
  IndexProgress NONE = new IndexProgress() {};

  /**
   * Writing starts: about {@code total} papers changed since the watermark (more may arrive
   * meanwhile).
   */
  default void started(long total) {}

  /** {@code done} papers written so far. */
  default void advanced(long done) {}

  /** Writing is over and the index is merged into one segment, which takes a while of its own. */
  default void merging() {}
}
