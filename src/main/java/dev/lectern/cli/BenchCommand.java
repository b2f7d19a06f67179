package dev.lectern.cli;

import dev.lectern.app.ConfigException;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.embed.EmbeddingBenchmark;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.RetrainBenchmark;
import dev.lectern.search.bench.ReportText;
import dev.lectern.search.bench.ScratchLibrary;
import dev.lectern.search.bench.SearchBenchmark;
import java.nio.file.Path;
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
      BenchCommand.Recommend.class
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
}
