package dev.lectern.cli;

import dev.lectern.app.Background;
import dev.lectern.app.BackgroundDigests;
import dev.lectern.app.HarvestConfig;
import dev.lectern.app.HarvestStatus;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.digest.Digests;
import dev.lectern.index.LuceneIndex;
import dev.lectern.index.SearchableIndex;
import dev.lectern.search.SearchService;
import dev.lectern.search.SearchWarmup;
import dev.lectern.user.AccountSettings;
import dev.lectern.web.WebServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    description = {
      "Run Lectern: the web app and its JSON API.",
      "Serves the pages and /api/v1/..., embeds missing vectors in the background and keeps the index "
          + "following the library, so papers imported meanwhile (lectern import in another terminal) are "
          + "searchable by words within seconds and by meaning once embedded. On an empty library it "
          + "first fetches the last 3 days of papers from arXiv and Hugging Face, then again daily "
          + "(harvest.* settings; --no-harvest for none). Ctrl-C stops."
    })
final class ServeCommand implements Callable<Integer> {
  /**
   * Time the embedding queue gets to store its chunk in flight when stopping (a chunk takes
   * seconds).
   */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  @ParentCommand Main main;

  @Option(
      names = "--port",
      description = "Port to listen on (default from settings: 8080; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--host",
      description = "Address to listen on (default from settings: 127.0.0.1, this machine only).")
  String host;

  @Option(
      names = "--no-harvest",
      description =
          "Fetch nothing from arXiv or Hugging Face: no first harvest on an empty library, no daily "
              + "harvest (default from settings: harvest.enabled = true).")
  boolean noHarvest;

  @Override
  public Integer call() throws InterruptedException {
    Lectern lectern = main.lectern();
    Settings settings = lectern.settings();
    int p = port != null ? port : settings.getInt(Settings.SERVER_PORT);
    if (p < 0 || p > 65_535)
      throw new IllegalArgumentException("the port must be between 0 and 65535, not " + p);
    String h = host != null ? host : settings.get(Settings.SERVER_HOST);
    int warmupPapers = settings.getInt(Settings.SERVER_WARMUP_PAPERS);
    PrintWriter out = main.spec().commandLine().getOut();
    PrintWriter err = main.spec().commandLine().getErr();
    CountDownLatch stopRequested = new CountDownLatch(1);
    // Ctrl-C or SIGTERM from here on: this thread stops requests first, then the background work
    // (which
    // stores its chunk in flight), then index and model. A kill -9 skips all this; library and
    // index repair
    // themselves at the next start.
    try (StopSignals signals =
        StopSignals.onStop(
            () -> {
              out.println("stopping...");
              out.flush();
              stopRequested.countDown();
            })) {
      out.println("opening the library and the search index...");
      HarvestConfig harvest = noHarvest ? null : HarvestConfig.from(settings);
      Background background =
          new Background(
              lectern,
              settings.getDuration(Settings.SERVER_FOLLOW_INTERVAL),
              new ServeEvents(err),
              harvest);
      WebServer server = null;
      Warmup warmup = null;
      BackgroundDigests mail = null;
      try {
        // a long-running process: the whole index in memory from the start (see
        // LuceneIndex.Residency)
        lectern.index(
            settings.getBoolean(Settings.SERVER_PRELOAD_INDEX)
                ? LuceneIndex.Residency.PRELOAD
                : LuceneIndex.Residency.ON_DEMAND);
        // listen first: a port in use is reported before any background work starts
        SearchService search = lectern.search(true);
        Digests digests = lectern.digests(search);
        server = listen(new InetSocketAddress(h, p), search, lectern, background, digests);
        background.start();
        if (digests.settings().canSend()) {
          mail = new BackgroundDigests(digests.run(), line -> err.println(line));
          mail.start();
        }
        if (warmupPapers > 0) warmup = new Warmup(search, lectern.index(), warmupPapers, err);
        Background.Status s = background.status();
        out.printf(
            "library: %,d papers; index: %,d papers; embeddings: %,d done, %,d to compute in the "
                + "background%n",
            s.libraryPapers(), s.indexedPapers(), s.embedded(), s.pending());
        out.println(harvestPlan(background.harvestStatus()));
        out.println(accountsLine(lectern.accounts().settings()));
        out.println(
            mail != null
                ? "digests: sent through " + digests.settings().host() + " when due"
                : "digests: not sent (no mail.host set; lectern digest --dry-run shows them)");
        out.println(
            "serving "
                + server.uri()
                + "/  (JSON API under "
                + server.uri()
                + "/api/v1/; Ctrl-C stops)");
        out.flush();
        stopRequested.await();
      } finally {
        // also after a failure: the model must not be closed under a chunk still being embedded
        boolean served = server != null;
        if (served) server.close();
        if (mail != null) mail.close();
        if (warmup != null) warmup.stop(); // before the index closes under its searches
        boolean clean = background.stop(STOP_TIMEOUT);
        if (!clean) abandonModelRun(lectern, out);
        lectern.close();
        if (served) {
          out.println("stopped");
          out.flush();
        }
      }
    }
    return 0;
  }

  /** A line on who may use the server. */
  private static String accountsLine(AccountSettings a) {
    return a.multi()
        ? "accounts: multi-user mode, sign-up "
            + (a.signup() == AccountSettings.Signup.OPEN ? "open to anyone" : "by invite")
            + " (lectern users add NAME --admin makes an admin)"
        : "accounts: single-user mode, no sign-in (users.mode = multi for accounts)";
  }

  /** A line on what serve will harvest, and when. */
  private static String harvestPlan(HarvestStatus h) {
    if (!h.enabled()) return "harvest: off (--no-harvest or harvest.enabled = false)";
    String daily = h.schedule() == null ? "no daily harvest" : "daily at " + h.schedule();
    if (h.running() != null || h.nextRun() == null) return "harvest: " + daily;
    return "harvest: " + daily + "; the next at " + ServeEvents.time(h.nextRun());
  }

  /**
   * The embedding chunk in flight did not finish in time (a very slow or overloaded machine).
   * Closing the model under its run, or letting ONNX Runtime's exit hook free the model's native
   * memory under it, crashes the JVM; so the index is closed as usual and the process ends at once,
   * without the exit hooks: as safe as a kill -9 (the library commits every chunk it stores), and
   * the chunk is embedded again next time.
   */
  private static void abandonModelRun(Lectern lectern, PrintWriter out) {
    lectern.closeLeavingModel();
    out.println(
        "the embedding chunk in flight was abandoned; it is embedded again at the next start");
    out.println("stopped");
    out.flush();
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(0);
  }

  /**
   * The search warm-up (see {@link SearchWarmup}) on a thread of its own, beside the first requests
   * and the embedding queue; it says on the console when it is done.
   */
  private static final class Warmup {
    /** Same index, same papers: a restart warms up the same way. */
    private static final long SEED = 20_241_201;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread thread;

    Warmup(SearchService search, SearchableIndex index, int papers, PrintWriter err) {
      thread =
          Thread.ofPlatform()
              .name("lectern-warmup")
              .daemon()
              .start(
                  () -> {
                    try {
                      SearchWarmup.Report r =
                          SearchWarmup.run(search, index, papers, SEED, stopping::get);
                      if (!r.stopped() && r.searches() > 0) {
                        err.printf(
                            "search warmed up: %,d searches from %,d papers' titles in %.1f s%n",
                            r.searches(), r.papers(), r.took().toMillis() / 1000.0);
                        err.flush();
                      }
                    } catch (RuntimeException e) {
                      err.println(
                          "the search warm-up stopped ("
                              + Main.messageOf(e)
                              + "); searches work, only slower at first");
                      err.flush();
                    }
                  });
    }

    /**
     * Stops after the search in progress and waits for it, uninterruptibly (an interrupt is kept):
     * the index and the model close after this, and must not close under a search.
     */
    void stop() {
      stopping.set(true);
      boolean interrupted = false;
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private static WebServer listen(
      InetSocketAddress address,
      SearchService search,
      Lectern lectern,
      Background background,
      Digests digests) {
    try {
      return WebServer.start(
          address,
          search,
          lectern.library(),
          background,
          new WebServer.People(
              lectern.accounts(),
              lectern.forYouSettings(),
              digests,
              lectern.arxivRecords(),
              lectern.publicUrl()));
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(
          e.getMessage() + " (choose another with --port N or server.port)", e);
    }
  }
}
