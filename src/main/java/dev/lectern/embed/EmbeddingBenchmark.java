package dev.lectern.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures {@link OnnxBgeEmbedder} on real abstracts: (a) the embedder end to end (tokenize, batch,
 * infer, pool, normalize), (b) the ONNX Runtime ceiling, {@code session.run} alone over the same
 * pre-tokenized, length-sorted batches, and (c) single short query latency after warm-up. The gap
 * between (a) and (b) is what Lectern's own code costs.
 *
 * <pre>
 * ./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:$(cat target/cp.txt) dev.lectern.embed.EmbeddingBenchmark \
 *     [corpus=/work/shared/corpus/hf-papers] [batch=4] [threads=2] [query-threads=2] [limit=0] [queries=200]
 * </pre>
 *
 * {@code batch}, {@code threads} and {@code query-threads} take comma-separated lists to compare
 * settings; {@code limit} caps the number of texts (0: all).
 */
public final class EmbeddingBenchmark {
  private static final List<String> QUERIES =
      List.of(
          "graph transformers",
          "speech separation",
          "long-context retrieval heads",
          "time series models");

  public record Figures(
      int texts,
      double meanTokens,
      int batchSize,
      int threads,
      int queryThreads,
      double embedderDocsPerSec,
      double ortDocsPerSec,
      double queryP50Ms,
      double queryP99Ms) {

    String line() {
      return String.format(
          "texts=%d meanTokens=%.0f batch=%d threads=%d | embedder %.1f docs/s | session.run %.1f docs/s"
              + " | query (%d thread%s) p50 %.2f ms p99 %.2f ms",
          texts,
          meanTokens,
          batchSize,
          threads,
          embedderDocsPerSec,
          ortDocsPerSec,
          queryThreads,
          queryThreads == 1 ? "" : "s",
          queryP50Ms,
          queryP99Ms);
    }
  }

  private EmbeddingBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> opts = parseArgs(args);
    List<String> texts =
        loadAbstracts(Path.of(opts.getOrDefault("corpus", "../shared/corpus/hf-papers")));
    int limit = Integer.parseInt(opts.getOrDefault("limit", "0"));
    if (limit > 0 && limit < texts.size()) texts = texts.subList(0, limit);
    int queries = Integer.parseInt(opts.getOrDefault("queries", "200"));
    System.out.printf(
        "%d texts, %d cores%n", texts.size(), Runtime.getRuntime().availableProcessors());
    OnnxBgeEmbedder.Options defaults = OnnxBgeEmbedder.Options.defaults();
    for (int threads : ints(opts.getOrDefault("threads", "" + defaults.threads()))) {
      for (int batch : ints(opts.getOrDefault("batch", "" + defaults.batchSize()))) {
        for (int queryThreads :
            ints(opts.getOrDefault("query-threads", "" + defaults.queryThreads()))) {
          var options = new OnnxBgeEmbedder.Options(batch, threads, queryThreads, false);
          System.out.println(run(texts, options, queries).line());
        }
      }
    }
  }

  /**
   * Loads the model with {@code options}, warms it up, and measures (a), (b) and (c) on {@code
   * texts}.
   */
  public static Figures run(List<String> texts, OnnxBgeEmbedder.Options options, int queryRuns) {
    try (OnnxBgeEmbedder embedder = OnnxBgeEmbedder.open(options)) {
      embedder.embedDocuments(
          texts.subList(0, Math.min(texts.size(), 2 * options.batchSize()))); // warm-up
      double meanTokens =
          embedder.tokenize(texts).stream()
              .mapToInt(OnnxBgeEmbedder.Tokens::length)
              .average()
              .orElse(0);
      double embedderRate = texts.size() / seconds(() -> embedder.embedDocuments(texts));
      double ortRate = texts.size() / sessionRunSeconds(embedder, texts);
      double[] latencies = queryLatenciesMs(embedder, queryRuns);
      return new Figures(
          texts.size(),
          meanTokens,
          options.batchSize(),
          options.threads(),
          options.queryThreads(),
          embedderRate,
          ortRate,
          percentile(latencies, 50),
          percentile(latencies, 99));
    }
  }

  /**
   * Time inside {@code session.run} only: tokenizing, batching and tensor building happen off the
   * clock.
   */
  private static double sessionRunSeconds(OnnxBgeEmbedder embedder, List<String> texts) {
    long nanos = 0;
    for (OnnxBgeEmbedder.Batch batch : embedder.batches(embedder.tokenize(texts))) {
      Map<String, OnnxTensor> inputs = embedder.inputs(batch);
      try {
        long start = System.nanoTime();
        try (OrtSession.Result ignored = embedder.run(inputs)) {
          nanos += System.nanoTime() - start;
        }
      } catch (OrtException e) {
        throw new EmbeddingException("session.run failed during the benchmark", e);
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }
    return nanos / 1e9;
  }

  private static double[] queryLatenciesMs(OnnxBgeEmbedder embedder, int runs) {
    for (int i = 0; i < 20; i++) embedder.embedQuery(QUERIES.get(i % QUERIES.size())); // warm-up
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      String q = QUERIES.get(i % QUERIES.size());
      ms[i] = seconds(() -> embedder.embedQuery(q)) * 1e3;
    }
    return ms;
  }

  private static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double percentile(double[] values, int p) {
    if (values.length == 0) return Double.NaN;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /**
   * Title + abstract from the saved Hugging Face daily-papers pages, roughly: a line longer than
   * 300 characters is an abstract and the non-empty line before it its title ("Subscribe" may be
   * glued on).
   */
  public static List<String> loadAbstracts(Path dir) {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> pages = Files.list(dir)) {
      for (Path page :
          pages
              .filter(p -> p.getFileName().toString().matches("page-.*\\.txt"))
              .sorted()
              .toList()) {
        String previous = "";
        for (String line : Files.readAllLines(page)) {
          String l = line.strip();
          if (l.isEmpty()) continue;
          if (l.length() > 300)
            texts.add(Embedder.documentText(previous.replaceFirst("^Subscribe", ""), l));
          previous = l;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the benchmark corpus in " + dir, e);
    }
    if (texts.isEmpty())
      throw new IllegalArgumentException("no abstracts found in " + dir + "/page-*.txt");
    return texts;
  }

  private static Map<String, String> parseArgs(String[] args) {
    Map<String, String> opts = new java.util.HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 1) throw new IllegalArgumentException("arguments are key=value, got '" + a + "'");
      opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return opts;
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
  }
}
