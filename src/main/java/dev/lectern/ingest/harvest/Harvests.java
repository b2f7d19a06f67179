package dev.lectern.ingest.harvest;

import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.PaperSource;
import dev.lectern.ingest.arxiv.OaiPmhSource;
import dev.lectern.ingest.hf.HfDailyHarvest;
import dev.lectern.ingest.http.ConnectionFailedException;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.store.PaperLibrary;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The harvests of arXiv (OAI-PMH) and Hugging Face Daily Papers, as {@code lectern harvest} and a
 * running {@code lectern serve} both run them: each imports through the {@link Importer} (batches,
 * checkpoints, run history) and remembers the last day it covered, so the next one continues from
 * there.
 */
public final class Harvests {
  private final PaperLibrary library;
  private final int batchSize;

  public Harvests(PaperLibrary library, int batchSize) {
    this.library = library;
    this.batchSize = batchSize;
  }

  /**
   * The last day an arXiv harvest of this set and these categories covered, where the next one
   * continues from; empty before any.
   */
  public Optional<LocalDate> arxivLastDay(URI base, String set, SortedSet<String> categories) {
    return library.state().get(arxivKey(base, set, categories)).map(LocalDate::parse);
  }

  /**
   * Harvests arXiv's records with datestamps from {@code from} to {@code until} (inclusive).
   *
   * @param set an OAI set such as {@code cs}, or null for all of arXiv
   * @param categories the categories to keep from the set; empty keeps every record
   * @throws dev.lectern.ingest.ImportException when the harvest stopped (what it stored is kept,
   *     and the same harvest resumes after it); the cause says why, a {@link
   *     ConnectionFailedException} when the server could not be reached
   */
  public ImportSummary arxiv(
      URI base,
      String set,
      SortedSet<String> categories,
      LocalDate from,
      LocalDate until,
      PoliteHttpClient http,
      ImportProgress progress) {
    OaiPmhSource oai = new OaiPmhSource(base, set, from, until, http);
    PaperSource source = categories.isEmpty() ? oai : new CategoryFilter(oai, categories);
    ImportSummary s = new Importer(library, batchSize, progress).run(source);
    // a completed harvest that found nothing new still covered its window: the next one goes on
    // from its end (a record changed later gets a later datestamp, so nothing is skipped)
    oai.latestDatestamp()
        .or(() -> s.completed() ? Optional.of(until) : Optional.empty())
        .ifPresent(d -> library.state().put(arxivKey(base, set, categories), d.toString()));
    return s;
  }

  /** The last day a Daily Papers harvest fetched, where the next one continues from. */
  public Optional<LocalDate> hfLastDay(URI base) {
    return library.state().get(hfKey(base)).map(LocalDate::parse);
  }

  /**
   * Harvests Hugging Face Daily Papers from {@code from} to {@code until}, one request per day; the
   * last day is fetched again by the next harvest, since its upvotes keep growing.
   */
  public ImportSummary hf(
      URI base, LocalDate from, LocalDate until, PoliteHttpClient http, ImportProgress progress) {
    HfDailyHarvest source = new HfDailyHarvest(base, from, until, http);
    ImportSummary s = new Importer(library, batchSize, progress).run(source);
    if (source.lastDay() != null) library.state().put(hfKey(base), source.lastDay().toString());
    return s;
  }

  /** The connection failure behind a harvest that stopped, if that was why. */
  public static Optional<ConnectionFailedException> unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionFailedException c) return Optional.of(c);
    }
    return Optional.empty();
  }

  private static String arxivKey(URI base, String set, SortedSet<String> categories) {
    // the form that harvests kept before categories existed, so existing libraries continue
    return "harvest:arxiv-oai:last:"
        + base
        + ":"
        + (set == null ? "-" : set)
        + (categories.isEmpty() ? "" : ":" + String.join(",", categories));
  }

  /** An internal name from before the source was called hf-api, kept so libraries continue. */
  private static String hfKey(URI base) {
    return "harvest:hf-daily:last:" + base;
  }
}
