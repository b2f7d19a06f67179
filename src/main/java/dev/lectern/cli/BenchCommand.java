package dev.lectern.cli;

import dev.lectern.embed.EmbeddingBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Rerunnable benchmarks (figures in the README). The import benchmark is scripts/bench-import.sh.",
    subcommands = {BenchCommand.Embed.class})
final class BenchCommand {
  @Command(name = "embed", description = {
      "Embedding throughput on the sample abstracts: Lectern's embedder (tokenize, length-sorted batches,",
      "inference, pooling) against the plain ONNX Runtime session.run ceiling, and single-query latency."})
  static final class Embed implements Callable<Integer> {
    @Option(names = "--corpus", defaultValue = "../shared/corpus/hf-papers", description = "Saved Daily Papers pages (default ${DEFAULT-VALUE}).")
    String corpus;

    @Option(names = "--threads", description = "Comma-separated thread counts to try (default: all cores).")
    String threads;

    @Option(names = "--batch", description = "Comma-separated batch sizes to try (default: the embedder's).")
    String batch;

    @Option(names = "--queries", defaultValue = "200", description = "Single-query runs for latency (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N texts (0: all).")
    int limit;

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(List.of("corpus=" + corpus, "queries=" + queries, "limit=" + limit));
      if (threads != null) args.add("threads=" + threads);
      if (batch != null) args.add("batch=" + batch);
      EmbeddingBenchmark.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
