package dev.lectern.cli;

import dev.lectern.app.Lectern;
import dev.lectern.index.IndexLockedException;
import java.io.PrintWriter;

/**
 * After papers came in: bring the search index up to date, so they are searchable by words at once.
 */
final class IndexSync {
  private IndexSync() {}

  static void run(Lectern lectern, PrintWriter out) {
    run(lectern, out, new TerminalProgress(out, false));
  }

  /**
   * As {@link #run(Lectern, PrintWriter)}, with the indexing shown on {@code terminal} (a bar, if
   * it has one).
   */
  static void run(Lectern lectern, PrintWriter out, TerminalProgress terminal) {
    long start = System.nanoTime();
    long updated;
    IndexBar bar = new IndexBar(terminal, "index");
    try {
      // the index opens here: opening catches up with the library, and the sync after it finds the
      // rest
      var index = lectern.index(bar);
      updated = index.openingReport().indexed() + index.sync(bar).indexed();
    } catch (IndexLockedException e) {
      // The papers are committed to the library, which is all an import promises; whoever holds the
      // index
      // follows the library (serve within seconds), and any later open of the index catches up.
      out.println(
          "index: open in another Lectern process; a running `lectern serve` indexes these papers "
              + "within seconds (otherwise the next search does)");
      return;
    } finally {
      bar.finished();
    }
    out.printf(
        "index: %,d papers (%,d updated now, %.1f s); 'lectern embed' adds search by meaning%n",
        lectern.index().size(), updated, (System.nanoTime() - start) / 1e9);
  }
}
