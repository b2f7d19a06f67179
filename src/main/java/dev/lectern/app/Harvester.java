package dev.lectern.app;

import dev.lectern.app.HarvestStatus.Run;
import dev.lectern.app.HarvestStatus.Running;
import dev.lectern.app.HarvestStatus.Unreachable;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.harvest.ArxivScope.SetHarvest;
import dev.lectern.ingest.harvest.Harvests;
import dev.lectern.ingest.http.ConnectionFailedException;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.ingest.http.Wait;
import dev.lectern.store.ImportCounts;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PendingImports;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Serve's harvesting: on the first start over an empty library it fetches the last few days of the
 * configured arXiv categories and Hugging Face's Daily Papers, then again daily on its schedule. A
 * harvest that fails (no network, a server down) is tried again after a wait that doubles each
 * time; a harvest missed while Lectern was stopped runs as soon as it starts again. Each source
 * continues from the last day it covered, and an interrupted one resumes from its checkpoint, so
 * nothing is fetched twice over. All of it on one thread of its own: requests are never held up.
 */
public final class Harvester {
  /** What the harvests report, on the harvest thread: keep it quick. */
  public interface Events {
    Events QUIET = new Events() {};

    default void harvestStarted(Running running) {}

    /** One source was read to its end. */
    default void harvested(String source, ImportSummary summary) {}

    /** One source stopped; the harvest goes on with the others. */
    default void harvestFailed(String source, String message) {}

    /**
     * The harvest ended.
     *
     * @param next when the next one runs, null for never
     */
    default void harvestEnded(Run run, Instant next) {}

    /** A server asked for a pause, or a request is retried after a failure. */
    default void harvestWaiting(Wait wait) {}
  }

  /** When serve last completed a harvest: how a restart knows whether one was missed. */
  static final String LAST_COMPLETED = "harvest:serve:last-completed";

  static final String ARXIV = "arXiv";
  static final String HF = "Hugging Face";

  private final PaperLibrary library;
  private final HarvestConfig config;
  private final Harvests harvests;
  private final PendingImports pending;
  private final Events events;
  private final Runnable imported;
  private final PoliteHttpClient arxivHttp;
  private final PoliteHttpClient hfHttp;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("lectern-harvest").daemon().factory());
  private volatile Running running;
  private volatile Run last;
  private volatile Instant lastCompleted;
  private volatile Instant nextRun;
  private final AtomicInteger failures = new AtomicInteger();

  /**
   * @param imported called after each source that may have stored papers, so the index follows at
   *     once
   */
  public Harvester(PaperLibrary library, HarvestConfig config, Events events, Runnable imported) {
    this.library = library;
    this.config = config;
    this.events = events;
    this.imported = imported;
    this.harvests = new Harvests(library, config.batchSize());
    PaperCollections collections =
        new PaperCollections(
            library, new PaperMarks(library, Clock.systemUTC()), Clock.systemUTC());
    this.pending = new PendingImports(library, collections, Clock.systemUTC());
    this.arxivHttp = config.client(config.arxiv(), events::harvestWaiting);
    this.hfHttp = config.client(config.hf(), events::harvestWaiting);
    this.lastCompleted = library.state().get(LAST_COMPLETED).map(Instant::parse).orElse(null);
  }

  /** Plans the first harvest (at once on an empty library, or one missed) and starts the loop. */
  @SuppressWarnings("FutureReturnValueIgnored") // tick() reports its own failures; stop() ends it
  public void start() {
    nextRun = firstRun(config.clock().instant());
    long tick = config.timing().tick().toMillis();
    loop.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
  }

  /** A library never harvested into and empty: now; otherwise as the daily schedule says. */
  Instant firstRun(Instant now) {
    if (lastCompleted == null && library.count() == 0) return now;
    return config.daily() == null ? null : config.daily().due(lastCompleted, now);
  }

  /**
   * Stops the loop, interrupting a harvest in progress: what it committed stays, and it resumes
   * from its checkpoint next time. Returns whether it stopped within the timeout.
   */
  public boolean stop(Duration timeout) {
    loop.shutdownNow();
    try {
      return loop.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public HarvestStatus status() {
    return new HarvestStatus(
        true,
        config.scope().label(),
        config.daily() == null ? null : config.daily().toString(),
        running,
        last,
        lastCompleted,
        nextRun,
        failures.get(),
        config.clock().instant());
  }

  private void tick() {
    try {
      Instant at = nextRun;
      if (at == null || config.clock().instant().isBefore(at)) return;
      Instant started = config.clock().instant();
      Outcome outcome = new Outcome();
      try {
        harvest(started, outcome);
      } catch (RuntimeException e) {
        // the library failed under it (locked for long, a full disk): a failed harvest, retried
        outcome.errors.add(message(e));
      }
      if (stopping()) return;
      finish(started, outcome);
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again: whatever failed here, try again later
      running = null;
      Duration wait = config.timing().retryAfter(failures.incrementAndGet());
      nextRun = config.clock().instant().plus(wait);
      events.harvestFailed("the harvest", message(e));
    }
  }

  /** What one harvest gathered from its sources. */
  private static final class Outcome {
    final List<String> results = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<Unreachable> unreachable = new ArrayList<>();
    long newPapers;

    boolean reached(String source) {
      return unreachable.stream().noneMatch(u -> u.source().equals(source));
    }
  }

  private void harvest(Instant started, Outcome o) {
    LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
    running = new Running(what(), "", 0, started);
    events.harvestStarted(running);
    URI arxiv = config.arxiv().base();
    for (SetHarvest set : config.scope().sets()) {
      // once a server is unreachable, its other sets would only wait out the same retries
      if (!o.reached(ARXIV)) break;
      LocalDate from = start(harvests.arxivLastDay(arxiv, set.spec(), set.categories()), today);
      step(
          o,
          ARXIV,
          ARXIV + " " + set,
          p -> harvests.arxiv(arxiv, set.spec(), set.categories(), from, today, arxivHttp, p));
      if (stopping()) return;
    }
    URI hf = config.hf().base();
    LocalDate from = start(harvests.hfLastDay(hf), today);
    step(o, HF, HF + " Daily Papers", p -> harvests.hf(hf, from, today, hfHttp, p));
    if (o.newPapers > 0) settlePending(o);
  }

  /**
   * Papers imported into collections before the library had them join those the harvest brought.
   */
  private void settlePending(Outcome o) {
    try {
      int moved = pending.settle(null);
      if (moved > 0)
        o.results.add(String.format("imported papers now in their collections: %,d", moved));
    } catch (RuntimeException e) {
      o.errors.add("pending imports: " + message(e));
    }
  }

  /** Where a source's harvest starts: after its last one, or the first days back. */
  private LocalDate start(Optional<LocalDate> lastDay, LocalDate today) {
    LocalDate from = lastDay.orElse(today.minusDays(config.firstDays()));
    return from.isAfter(today) ? today : from;
  }

  private void step(
      Outcome o, String source, String name, Function<ImportProgress, ImportSummary> harvest) {
    long before = o.newPapers;
    running = new Running(running.what(), name, before, running.started());
    long[] added = {0};
    ImportProgress progress =
        new ImportProgress() {
          @Override
          public void advanced(long done, ImportCounts counts) {
            added[0] = counts.added();
            Running r = running;
            if (r != null)
              running = new Running(r.what(), name, before + counts.added(), r.started());
          }
        };
    try {
      ImportSummary s = harvest.apply(progress);
      o.newPapers = before + s.counts().added();
      o.results.add(
          name + ": " + s.counts() + (s.message() == null ? "" : " (" + s.message() + ")"));
      events.harvested(name, s);
    } catch (RuntimeException e) {
      if (stopping()) return;
      o.newPapers = before + added[0];
      Optional<ConnectionFailedException> unreachable = Harvests.unreachable(e);
      unreachable.ifPresent(
          c -> o.unreachable.add(new Unreachable(source, server(c.uri()), c.reason())));
      o.results.add(
          name
              + ": stopped"
              + unreachable.map(c -> ", " + c.reason()).orElse("")
              + (added[0] > 0 ? String.format(", %,d new papers kept", added[0]) : ""));
      o.errors.add(name + ": " + message(e));
      events.harvestFailed(name, message(e));
    } finally {
      imported.run();
    }
  }

  private void finish(Instant started, Outcome o) {
    Instant now = config.clock().instant();
    boolean completed = o.errors.isEmpty();
    Run run = new Run(started, now, completed, o.newPapers, o.results, o.errors, o.unreachable);
    if (completed) {
      failures.set(0);
      lastCompleted = started; // a run that fell due while this one ran is still owed
      library.state().put(LAST_COMPLETED, started.toString());
      nextRun = config.daily() == null ? null : config.daily().due(started, now);
    } else {
      Instant retry = now.plus(config.timing().retryAfter(failures.incrementAndGet()));
      Instant slot = config.daily() == null ? null : config.daily().next(now);
      nextRun = slot != null && slot.isBefore(retry) ? slot : retry;
    }
    last = run;
    running = null;
    events.harvestEnded(run, nextRun);
  }

  /** What a harvest fetches, for a sentence: the first one says how far back. */
  private String what() {
    String arxiv = config.scope().label() + " from arXiv, with Hugging Face's Daily Papers";
    if (lastCompleted != null) return "new papers in " + arxiv;
    int days = config.firstDays();
    return (days == 1 ? "the last day" : "the last " + days + " days") + " of " + arxiv;
  }

  private boolean stopping() {
    return Thread.currentThread().isInterrupted() || loop.isShutdown();
  }

  private static String server(URI uri) {
    return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
