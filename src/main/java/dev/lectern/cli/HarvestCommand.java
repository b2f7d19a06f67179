package dev.lectern.cli;

import dev.lectern.app.Durations;
import dev.lectern.app.Settings;
import dev.lectern.ingest.ImportException;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.arxiv.OaiPmhSource;
import dev.lectern.ingest.arxiv.OaiSet;
import dev.lectern.ingest.harvest.ArxivScope;
import dev.lectern.ingest.harvest.ArxivScope.SetHarvest;
import dev.lectern.ingest.harvest.Harvests;
import dev.lectern.ingest.http.ConnectionFailedException;
import dev.lectern.ingest.http.HttpStatusException;
import dev.lectern.ingest.http.PoliteHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "harvest",
    description = "Fetch new papers from arXiv or Hugging Face, politely.",
    subcommands = {HarvestCommand.Arxiv.class, HarvestCommand.HuggingFace.class})
final class HarvestCommand {
  @ParentCommand Main main;

  /**
   * When to harvest from: an explicit start, a look-back, or (by default) where the last harvest
   * ended.
   */
  static final class Window {
    @ArgGroup(exclusive = true)
    Start start;

    @Option(names = "--until", description = "Last day to harvest (default: today, UTC).")
    LocalDate until;

    static final class Start {
      @Option(
          names = "--since",
          description = "Look back this far, e.g. 7d, 24h (default: since the last harvest).")
      String since;

      @Option(names = "--from", description = "First day to harvest, e.g. 2026-11-01.")
      LocalDate from;
    }

    LocalDate from(Optional<LocalDate> last, String what) {
      if (start != null && start.from != null) return start.from;
      if (start != null && start.since != null) {
        Duration back = Durations.parse(start.since);
        return LocalDate.now(ZoneOffset.UTC).minusDays(Math.max(0, back.toDays()));
      }
      return last.orElseThrow(
          () ->
              new IllegalArgumentException(
                  "no earlier harvest of "
                      + what
                      + " to continue from; say where to start with --since 7d or --from DATE"));
    }

    LocalDate until() {
      return until != null ? until : LocalDate.now(ZoneOffset.UTC);
    }
  }

  static PoliteHttpClient http(
      Settings settings, String delayKey, Duration delayFlag, CommandLineOutput out) {
    return PoliteHttpClient.builder()
        .minDelay(delayFlag != null ? delayFlag : settings.getDuration(delayKey))
        .maxAttempts(settings.getInt(Settings.HTTP_RETRIES))
        .onWait(
            w -> {
              if (w.reason() != dev.lectern.ingest.http.Wait.Reason.PACING) out.err(w.toString());
            })
        .build();
  }

  /** Work that talks to the harvest's server. */
  interface Remote<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work}; when it could not connect to the server at all, the error also names the
   * setting that points elsewhere (the default server needs a network; a test or a mirror is set
   * there).
   */
  static <T> T reaching(URI base, String setting, Remote<T> work) throws IOException {
    try {
      return work.run();
    } catch (IOException | ImportException e) {
      String where = base + ", set by " + setting + " in lectern.conf or --base-url";
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ConnectionFailedException) {
          throw new ImportException(
              e.getMessage() + "; check the network, or the server's address: " + where, e);
        }
        if (t instanceof HttpStatusException h && (h.status() == 404 || h.status() == 410)) {
          throw new ImportException(
              e.getMessage() + "; is the server's address right? " + where, e);
        }
      }
      throw e;
    }
  }

  /** Prints harvest waits worth knowing about (a server asking us to back off). */
  interface CommandLineOutput {
    void err(String line);
  }

  @Command(
      name = "arxiv",
      description = {
        "Harvest arXiv metadata over OAI-PMH.",
        "Example: lectern harvest arxiv --categories cs.LG,stat.ML --since 7d. Later runs continue from the"
            + " last harvested date."
      })
  static final class Arxiv implements Callable<Integer> {
    @ParentCommand HarvestCommand harvest;

    @ArgGroup(exclusive = false)
    Window window = new Window();

    @ArgGroup(exclusive = true)
    Scope scope;

    /** A whole OAI set, or categories (each harvested through its archive's set). */
    static final class Scope {
      @Option(
          names = "--set",
          description = "OAI set, e.g. cs, math, physics:hep-th (default: all of arXiv).")
      String set;

      @Option(
          names = "--categories",
          description =
              "Categories or archives, comma-separated, e.g. cs.LG,stat.ML,hep-th (default: all of"
                  + " arXiv; serve harvests the harvest.arxiv.categories setting).")
      String categories;
    }

    @Option(
        names = "--base-url",
        description =
            "OAI-PMH endpoint (default: the harvest.arxiv.base-url setting, arXiv's own).")
    URI baseUrl;

    @Option(names = "--delay", description = "Pause between requests (default 3s, arXiv's rule).")
    String delay;

    @Option(names = "--list-sets", description = "List the sets the endpoint offers and exit.")
    boolean listSets;

    @Override
    public Integer call() throws IOException {
      var main = harvest.main;
      var settings = main.lectern().settings();
      var err = main.spec().commandLine().getErr();
      var out = main.spec().commandLine().getOut();
      URI base = baseUrl != null ? baseUrl : URI.create(settings.get(Settings.ARXIV_OAI_URL));
      PoliteHttpClient http =
          http(
              settings,
              Settings.ARXIV_OAI_DELAY,
              delay == null ? null : Durations.parse(delay),
              line -> {
                err.println(line);
                err.flush();
              });
      if (listSets) {
        var sets =
            reaching(
                base,
                Settings.ARXIV_OAI_URL,
                () -> new OaiPmhSource(base, null, null, null, http).listSets());
        for (OaiSet s : sets) out.println(s.spec() + "\t" + s.name());
        return 0;
      }
      var library = main.lectern().library();
      Harvests harvests = harvests(main);
      for (SetHarvest target : targets()) {
        String label = "arXiv" + (target.spec() == null ? "" : " set " + target);
        LocalDate from =
            window.from(harvests.arxivLastDay(base, target.spec(), target.categories()), label);
        ImportSummary s =
            reaching(
                base,
                Settings.ARXIV_OAI_URL,
                () ->
                    harvests.arxiv(
                        base,
                        target.spec(),
                        target.categories(),
                        from,
                        window.until(),
                        http,
                        progress(main)));
        out.println((target.spec() == null ? "" : target + ": ") + s);
      }
      out.println("papers: " + library.count());
      IndexSync.run(main.lectern(), out);
      return 0;
    }

    /** The sets to harvest: one set or all of arXiv, or the sets that hold the categories. */
    private List<SetHarvest> targets() {
      if (scope != null && scope.categories != null) {
        return ArxivScope.parse(scope.categories).sets();
      }
      return List.of(new SetHarvest(scope == null ? null : scope.set, new TreeSet<>()));
    }
  }

  @Command(
      name = "hf",
      description = {
        "Harvest Hugging Face Daily Papers, with upvotes.",
        "Reads the Daily Papers JSON API, one request per day. Example: lectern harvest hf --since 7d. Later "
            + "runs continue from the last harvested day."
      })
  static final class HuggingFace implements Callable<Integer> {
    @ParentCommand HarvestCommand harvest;

    @ArgGroup(exclusive = false)
    Window window = new Window();

    @Option(
        names = "--base-url",
        description = "API host (default: the harvest.hf.base-url setting, huggingface.co).")
    URI baseUrl;

    @Option(names = "--delay", description = "Pause between requests (default 1s).")
    String delay;

    @Override
    public Integer call() throws IOException {
      var main = harvest.main;
      var settings = main.lectern().settings();
      var err = main.spec().commandLine().getErr();
      var library = main.lectern().library();
      URI base = baseUrl != null ? baseUrl : URI.create(settings.get(Settings.HF_BASE_URL));
      PoliteHttpClient http =
          http(
              settings,
              Settings.HF_DELAY,
              delay == null ? null : Durations.parse(delay),
              line -> {
                err.println(line);
                err.flush();
              });
      Harvests harvests = harvests(main);
      // The last day is fetched again: its upvotes have grown since.
      LocalDate from = window.from(harvests.hfLastDay(base), "Daily Papers");
      ImportSummary s =
          reaching(
              base,
              Settings.HF_BASE_URL,
              () -> harvests.hf(base, from, window.until(), http, progress(main)));
      var out = main.spec().commandLine().getOut();
      out.println(s);
      out.println("papers: " + library.count());
      IndexSync.run(main.lectern(), out);
      return 0;
    }
  }

  private static Harvests harvests(Main main) {
    var lectern = main.lectern();
    return new Harvests(lectern.library(), lectern.settings().getInt(Settings.IMPORT_BATCH_SIZE));
  }

  private static TerminalProgress progress(Main main) {
    return new TerminalProgress(main.spec().commandLine().getErr(), TerminalProgress.isTerminal());
  }
}
