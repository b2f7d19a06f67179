package dev.lectern.ingest;

import dev.lectern.store.ImportCounts;

/**
 * Shows how an import is going: a progress bar on a terminal, nothing when output is redirected.
 */
public interface ImportProgress {
  ImportProgress QUIET = new ImportProgress() {};

  /**
   * @param unit what {@code total} counts: {@code bytes}, {@code days}, ...
   */
  default void started(String task, long total, String unit) {}

  default void advanced(long done, ImportCounts counts) {}

  default void rejected(String location, String reason) {}

  default void note(String message) {}

  default void finished() {}
}
