package dev.lectern.user;

import dev.lectern.ingest.arxiv.ArxivRecords;
import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import dev.lectern.store.PaperWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches pending papers from arXiv by id, writes them into the library and moves them into their
 * collections. It runs inline after an import, within a short time budget (arXiv asks for seconds
 * between requests, so a long list is left for the collection's retry button or a later harvest);
 * the first failure to reach arXiv stops it, and every id keeps its pending row with the reason.
 */
public final class PendingFetch {
  /** What a fetch did. */
  public record Outcome(int fetched, int missing, String failure) {}

  private final PaperLibrary library;
  private final PendingImports pending;
  private final ArxivRecords arxiv;
  private final Clock clock;

  public PendingFetch(
      PaperLibrary library, PendingImports pending, ArxivRecords arxiv, Clock clock) {
    this.library = library;
    this.pending = pending;
    this.arxiv = arxiv;
    this.clock = clock;
  }

  /** Fetches pending arXiv ids, oldest first, until {@code budget} has passed or arXiv fails. */
  public Outcome run(int max, Duration budget) {
    Instant end = clock.instant().plus(budget);
    int fetched = 0;
    int missing = 0;
    String failure = null;
    for (String id : pending.arxivIds(max)) {
      if (clock.instant().isAfter(end)) break;
      Optional<Paper> paper;
      try {
        paper = arxiv.get(id);
      } catch (IOException | RuntimeException e) {
        failure = "arXiv could not be reached: " + e.getMessage();
        pending.failed(id, failure);
        break; // the next id would fail the same way
      }
      if (paper.isEmpty()) {
        pending.failed(id, "arXiv has no paper " + id);
        missing++;
        continue;
      }
      try (PaperWriter w = library.writer(0)) {
        w.write(paper.get());
        w.commit(Map.of(), null);
      }
      fetched++;
    }
    pending.settle(null);
    return new Outcome(fetched, missing, failure);
  }
}
