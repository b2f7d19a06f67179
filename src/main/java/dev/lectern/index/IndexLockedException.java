package dev.lectern.index;

import java.nio.file.Path;

/**
 * The index is open for writing in another process (Lucene's write lock is taken): a running {@code
 * lectern serve}, typically. Not a fault of the index, so the message does not advise rebuilding
 * it.
 */
public final class IndexLockedException extends IndexException {
  public IndexLockedException(Path path, Throwable cause) {
    super(
        "the search index at "
            + path
            + " is open in another Lectern process (a running `lectern serve`?)",
        cause);
  }
}
