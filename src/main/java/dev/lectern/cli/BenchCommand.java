package dev.lectern.cli;

import dev.lectern.app.ConfigException;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.digest.bench.DigestBenchmark;
import dev.lectern.embed.EmbeddingBenchmark;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.RetrainBenchmark;
import dev.lectern.search.bench.ReportText;
import dev.lectern.search.bench.ScratchLibrary;
import dev.lectern.search.bench.SearchBenchmark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    description = {
      "Rerunnable benchmarks (figures in docs/performance.md).",
      "The import benchmark is scripts/bench-import.sh."
    },
    subcommands = {
      BenchCommand.Embed.class,
      BenchCommand.Search.class,
      BenchCommand.Recommend.class,
      BenchCommand.Digest.class
    })
final class BenchCommand {
  @ParentCommand Main main;

  @Command(
      name = "embed",
      description = {
        "Embedding throughput and single-query latency.",
        "Lectern's embedder (tokenize, length-sorted batches, inference, pooling) on the sample abstracts, "
            + "against the plain ONNX Runtime session.run ceiling on the same texts."
      })
  static final class Embed implements Callable<Integer> {
    @Option(
        names = "--corpus",
        defaultValue = "../shared/corpus/hf-papers",
        description = "Saved Daily Papers pages (default ${DEFAULT-VALUE}).")
    String corpus;

    @Option(
        names = "--threads",
        description = "Comma-separated thread counts to try (default: all cores).")
    String threads;

    @Option(
        names = "--batch",
        description = "Comma-separated batch sizes to try (default: the embedder's).")
    String batch;

    @Option(
        names = "--query-threads",
        description = "Comma-separated thread counts for queries to try (default: every core).")
    String queryThreads;

    @Option(
        names = "--queries",
        defaultValue = "200",
        description = "Single-query runs for latency (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(
        names = "--limit",
        defaultValue = "0",
        description = "Use only the first N texts (0: all).")
    int limit;

    @Override
    public Integer call() {
      List<String> args =
          new ArrayList<>(List.of("corpus=" + corpus, "queries=" + queries, "limit=" + limit));
      if (threads != null) args.add("threads=" + threads);
      if (batch != null) args.add("batch=" + batch);
      if (queryThreads != null) args.add("query-threads=" + queryThreads);
      EmbeddingBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(
      name = "search",
      description = {
        "Search latency, on a copy of the library.",
        "Copies the library to a scratch library (yours is never changed), fills missing embeddings there "
            + "(synthetic ones by default), builds the index (timed), then times lexical, semantic and hybrid "
            + "searches (query embedding with the real model included) and prints p50/p90/p99, index size "
            + "and heap."
      })
  static final class Search implements Callable<Integer> {
    @ParentCommand BenchCommand bench;

    @Option(
        names = "--vectors",
        defaultValue = "synthetic",
        description =
            "synthetic: deterministic stand-in vectors for the copy's papers lacking one; existing: use only stored ones (default ${DEFAULT-VALUE}).")
    String vectors;

    @Option(
        names = "--queries",
        defaultValue = "200",
        description = "Measured queries per configuration (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(
        names = "--warmup-papers",
        description =
            "Papers whose title searches run first, as serve runs them at start (default: the server.warmup-papers setting; 0: none).")
    Integer warmupPapers;

    @Option(
        names = "--warmup",
        defaultValue = "100",
        description =
            "Then warm-up queries per configuration, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--scratch",
        paramLabel = "DIR",
        description =
            "Where the copy goes, kept for reruns: a new or empty directory, or one an earlier run made (then reused without copying). Default: a temporary directory, deleted at the end.")
    Path scratch;

    @Option(
        names = "--keep-index",
        description =
            "With a reused --scratch: keep its index instead of rebuilding it (quicker reruns; no indexing time).")
    boolean keepIndex;

    @Override
    public Integer call() {
      Lectern user = bench.main.lectern();
      var options =
          new SearchBenchmark.Options(
              Choices.parse(SearchBenchmark.Vectors.class, vectors, "--vectors"),
              Math.max(1, queries),
              Math.max(
                  0,
                  warmupPapers != null
                      ? warmupPapers
                      : user.settings().getInt(Settings.SERVER_WARMUP_PAPERS)),
              Math.max(0, warmup),
              keepIndex);
      var out = bench.main.spec().commandLine().getOut();
      Consumer<String> log =
          msg -> {
            out.println("  " + msg);
            out.flush();
          };
      if (user.library().count() == 0)
        throw new ConfigException("the library is empty: import papers first");
      SearchBenchmark.Report report;
      try (ScratchLibrary copy = ScratchLibrary.of(user, scratch, log)) {
        report = new SearchBenchmark(copy.lectern(), log).run(options);
        if (!copy.temporary())
          log.accept(
              "the scratch library stays in "
                  + copy.dir()
                  + " (rerun with --scratch "
                  + copy.dir()
                  + " --keep-index)");
      }
      out.println();
      out.print(ReportText.of(report));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "recommend",
      description = {
        "How long retraining a user's recommendation models takes.",
        "A user with --saved papers in --collections collections (one model each, and one over all) and"
            + " --dismissed dismissed papers, over a library of synthetic embeddings; the median, p90 and"
            + " max of --runs retrainings after --warmup more."
      })
  static final class Recommend implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--saved",
        defaultValue = "1000",
        description = "Saved papers (default ${DEFAULT-VALUE}).")
    int saved;

    @Option(
        names = "--collections",
        defaultValue = "5",
        description = "Collections they are in (default ${DEFAULT-VALUE}).")
    int collections;

    @Option(
        names = "--dismissed",
        defaultValue = "100",
        description = "Dismissed papers (default ${DEFAULT-VALUE}).")
    int dismissed;

    @Option(
        names = "--library",
        defaultValue = "20000",
        description = "Papers in the library (default ${DEFAULT-VALUE}).")
    int library;

    @Option(
        names = "--runs",
        defaultValue = "30",
        description = "Timed retrainings (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--warmup",
        defaultValue = "20",
        description = "Untimed retrainings first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
      if (saved < 1
          || collections < 1
          || collections > saved
          || runs < 1
          || warmup < 0
          || library < 2 * saved)
        throw new ParameterException(
            spec.commandLine(),
            "needs --saved >= --collections >= 1, --runs >= 1, --warmup >= 0 and a --library of at"
                + " least twice --saved");
      var setup =
          new RetrainBenchmark.Setup(library, saved, collections, dismissed, runs, warmup, 7);
      spec.commandLine()
          .getOut()
          .print(RetrainBenchmark.run(setup, Recommender.Options.defaults()).text());
      return 0;
    }
  }

  @Command(
      name = "digest",
      description = {
        "How long composing the email digests takes, on a copy.",
        "Copies the library to a scratch library (yours is never changed), makes --users users there"
            + " with saved searches, follows and saved papers drawn from it, and times composing"
            + " each one's weekly digest (searches, follows, For you, the mail rendered); nothing"
            + " is sent. For you needs the papers' vectors: run it on an embedded library, or on a"
            + " scratch library of bench search (synthetic vectors)."
      })
  static final class Digest implements Callable<Integer> {
    @ParentCommand BenchCommand bench;
    @Spec CommandSpec spec;

    @Option(
        names = "--users",
        defaultValue = "50",
        description = "Timed users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(
        names = "--searches",
        defaultValue = "3",
        description = "Saved searches per user (default ${DEFAULT-VALUE}).")
    int searches;

    @Option(
        names = "--follows",
        defaultValue = "2",
        description = "Authors and categories followed per user (default ${DEFAULT-VALUE}).")
    int follows;

    @Option(
        names = "--saved",
        defaultValue = "200",
        description = "Saved papers per user (default ${DEFAULT-VALUE}).")
    int saved;

    @Option(
        names = "--warmup",
        defaultValue = "5",
        description = "Users composed first, untimed (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--cutoff",
        paramLabel = "DAY",
        description =
            "The digests' last day, yyyy-mm-dd: they hold the week up to it (default: the library's newest day).")
    LocalDate cutoff;

    @Option(
        names = "--scratch",
        paramLabel = "DIR",
        description =
            "Where the copy goes, kept for reruns (a directory bench search made is reused as it is). Default: a temporary directory, deleted at the end.")
    Path scratch;

    @Override
    public Integer call() {
      if (users < 1 || searches < 0 || follows < 0 || saved < 0 || warmup < 0)
        throw new ParameterException(
            spec.commandLine(),
            "needs --users >= 1 and --searches, --follows, --saved, --warmup >= 0");
      if (searches + follows > 100)
        throw new ParameterException(
            spec.commandLine(), "a user has 100 saved searches and follows at most");
      Lectern user = bench.main.lectern();
      if (user.library().count() == 0)
        throw new ConfigException("the library is empty: import papers first");
      var out = bench.main.spec().commandLine().getOut();
      Consumer<String> log =
          msg -> {
            out.println("  " + msg);
            out.flush();
          };
      var setup = new DigestBenchmark.Setup(users, searches, follows, saved, warmup, cutoff, 7);
      DigestBenchmark.Report report;
      try (ScratchLibrary copy = ScratchLibrary.of(user, scratch, log)) {
        report = new DigestBenchmark(copy.lectern(), log).run(setup);
      }
      out.println();
      out.print(report.text());
      out.flush();
      return 0;
    }
  }
}
