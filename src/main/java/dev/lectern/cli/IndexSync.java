package dev.lectern.cli;

import dev.lectern.app.Lectern;
import java.io.PrintWriter;

/** After papers came in: bring the search index up to date, so they are searchable by words at once. */
final class IndexSync {
  private IndexSync() {}

  static void run(Lectern lectern, PrintWriter out) {
    long start = System.nanoTime();
    var report = lectern.index().sync();
    out.printf("index: %,d papers (%,d updated now, %.1f s); 'lectern embed' adds search by meaning%n",
        lectern.index().size(), report.indexed(), (System.nanoTime() - start) / 1e9);
  }
}
