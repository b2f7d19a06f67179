package dev.lectern.search.bench;

import dev.lectern.app.Lectern;
import dev.lectern.embed.Embedder;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.embed.QueryEmbedder;
import dev.lectern.index.IndexFields;
import dev.lectern.index.LuceneIndex;
import dev.lectern.search.Filters;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchService;
import dev.lectern.search.SearchWarmup;
import dev.lectern.search.UserQuery;
import dev.lectern.store.EmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.search.FieldExistsQuery;

/**
 * Search latency on a library already imported: fills missing embeddings (synthetic ones by
 * default, see {@link SyntheticVectors}), builds the index, then times lexical, semantic and hybrid
 * searches end to end through {@link SearchService} (semantic and hybrid include embedding the
 * query with the real model), and reports percentiles, index size, heap and indexing time. A
 * measurement, not a test: it asserts nothing.
 */
public final class SearchBenchmark {
  /**
   * Vectors filled in chunks: large enough that the library's pending-scan stays cheap, small in
   * memory.
   */
  static final int FILL_CHUNK = 10_000;

  static final long QUERY_SEED = 42;
  static final long WARMUP_SEED = 4242;

  /** Papers whose similar papers are looked up before the measured ones. */
  static final int SIMILAR_WARMUP = 50;

  /**
   * Where paper vectors come from: synthetic ones written for missing papers, or only what is
   * stored.
   */
  public enum Vectors {
    SYNTHETIC,
    EXISTING
  }

  /**
   * @param warmupPapers papers whose searches run first, as {@code serve} runs them at start (see
   *     {@link SearchWarmup}); 0 for none
   * @param warmup queries per configuration run after that and before the measured ones
   */
  public record Options(
      Vectors vectors, int queries, int warmupPapers, int warmup, boolean keepIndex) {}

  public record Fill(Vectors vectors, long added, Duration took) {}

  /**
   * How the index came to be, how long it took (documents written, then merged into one segment)
   * and its size.
   */
  public record Indexing(
      String how,
      Duration writing,
      Duration merging,
      long bytes,
      int segments,
      int docs,
      int docsWithVector) {}

  public record Heap(long usedAfterGc, long max) {}

  public record Machine(
      int cores,
      long ramBytes,
      String heapFlags,
      String jvm,
      double loadBefore,
      double loadAfter) {}

  public record Report(
      Machine machine,
      long papers,
      Fill fill,
      Indexing indexing,
      int queries,
      SearchWarmup.Report serveWarmup,
      int warmup,
      List<LatencyStats> latencies,
      Map<String, Integer> fallbacks,
      Heap heapAfterIndexing,
      Heap heapAfterQueries,
      List<KnnRecall.Row> knnRecall) {}

  private final Lectern lectern;
  private final Consumer<String> log;

  public SearchBenchmark(Lectern lectern, Consumer<String> log) {
    this.lectern = lectern;
    this.log = log;
  }

  public Report run(Options options) {
    double loadBefore = loadAverage();
    long papers = lectern.library().count();
    if (papers == 0) throw new IllegalStateException("the library is empty: import papers first");
    log.accept("library: " + papers + " papers");
    Fill fill = fill(options.vectors());
    Indexing indexing = buildIndex(options.keepIndex());
    Heap afterIndexing = heap();
    log.accept("loading the query embedding model...");
    Embedder embedder =
        options.vectors() == Vectors.SYNTHETIC
            ? withSyntheticQueries(lectern.embedder())
            : lectern.embedder();
    List<String> queries =
        BenchQueries.draw(lectern.library(), options.queries(), QUERY_SEED, true);
    List<String> warmup =
        BenchQueries.draw(lectern.library(), options.warmup(), WARMUP_SEED, false);
    QueryTimer timer = new QueryTimer(lectern.index(), embedder, log);
    SearchWarmup.Report serveWarmup = timer.warmUpAsServe(options.warmupPapers());
    timer.warmUp(warmup);
    List<LatencyStats> latencies = new ArrayList<>(timer.measureAll(queries));
    latencies.add(
        timer.similar(
            BenchQueries.drawPaperIds(lectern.library(), SIMILAR_WARMUP, WARMUP_SEED),
            BenchQueries.drawPaperIds(lectern.library(), options.queries(), QUERY_SEED)));
    Heap afterQueries = heap();
    List<KnnRecall.Row> recall = knnRecall(queries, options.vectors(), embedder);
    Machine machine =
        new Machine(
            Runtime.getRuntime().availableProcessors(),
            totalRam(),
            heapFlags(),
            Runtime.version().toString(),
            loadBefore,
            loadAverage());
    return new Report(
        machine,
        papers,
        fill,
        indexing,
        queries.size(),
        serveWarmup,
        warmup.size(),
        latencies,
        timer.fallbacks(),
        afterIndexing,
        afterQueries,
        recall);
  }

  /**
   * Queries whose vectors the kNN recall is measured on: exact scans of a million vectors take a
   * while.
   */
  static final int RECALL_QUERIES = 50;

  /**
   * Step 4: the graph search's recall against exact search, unfiltered and filtered, per strategy.
   */
  private List<KnnRecall.Row> knnRecall(List<String> queries, Vectors vectors, Embedder embedder) {
    log.accept("measuring kNN recall against exact search (" + RECALL_QUERIES + " queries)...");
    SyntheticVectors synthetic = new SyntheticVectors(OnnxBgeEmbedder.DIMENSIONS);
    List<float[]> vs =
        queries.stream()
            .limit(RECALL_QUERIES)
            .map(q -> UserQuery.parse(q).text())
            .filter(t -> !t.isBlank())
            .map(t -> vectors == Vectors.SYNTHETIC ? synthetic.of(t, "") : embedder.embedQuery(t))
            .toList();
    return lectern.index().search(s -> KnnRecall.measure(s, vs, KnnRecall.categories(s)));
  }

  /**
   * Step 1: a vector for every paper lacking a fresh one, tagged with the real model id so the
   * index uses it.
   */
  private Fill fill(Vectors vectors) {
    if (vectors == Vectors.EXISTING) return new Fill(vectors, 0, Duration.ZERO);
    EmbeddingStore store = lectern.library().embeddings();
    SyntheticVectors synthetic = new SyntheticVectors(OnnxBgeEmbedder.DIMENSIONS);
    long start = System.nanoTime();
    long added = 0;
    long cursor = 0;
    for (List<EmbeddingStore.Pending> chunk;
        !(chunk = store.pending(OnnxBgeEmbedder.MODEL_ID, cursor, FILL_CHUNK)).isEmpty(); ) {
      cursor = chunk.getLast().changeSeq();
      Map<String, float[]> vs = new HashMap<>();
      Map<String, String> hashes = new HashMap<>();
      for (EmbeddingStore.Pending p : chunk) {
        vs.put(p.paper().id(), synthetic.of(p.paper().title(), p.paper().abstractText()));
        hashes.put(p.paper().id(), p.textHash());
      }
      store.putAll(OnnxBgeEmbedder.MODEL_ID, vs, hashes);
      added += chunk.size();
      if (added % 100_000 < FILL_CHUNK) log.accept("synthetic vectors: " + added + " stored");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    log.accept("synthetic vectors: " + added + " added in " + seconds(took));
    return new Fill(vectors, added, took);
  }

  /**
   * Step 2: the index, built from the library. A missing index is built by opening it; an existing
   * one is rebuilt (unless kept), since vectors added in step 1 reach an index only by a rebuild.
   * Merges that Lucene runs in the background afterwards are waited for and committed: otherwise
   * they would compete with the queries for the CPU, and a later process would redo them.
   */
  private Indexing buildIndex(boolean keep) {
    Path dir = lectern.settings().dataDir().resolve("index");
    boolean existed = hasIndex(dir);
    log.accept(existed ? "opening the index..." : "building the index (by opening it)...");
    long start = System.nanoTime();
    // as `lectern serve` opens it: the latency of a long-running process, not of one that has just
    // started
    LuceneIndex index = lectern.index(LuceneIndex.Residency.PRELOAD);
    String how =
        existed ? "existing index kept (open and catch up only)" : "built from the library on open";
    var report = index.openingReport();
    if (existed && !keep) {
      log.accept(
          "opened in " + seconds(Duration.ofNanos(System.nanoTime() - start)) + "; rebuilding...");
      start = System.nanoTime();
      report = index.rebuild();
      how = "rebuilt from the library (index.rebuild())";
    }
    Duration total = Duration.ofNanos(System.nanoTime() - start);
    Duration merging = report.compaction();
    Duration writing = total.minus(merging);
    log.accept(
        "documents written in "
            + seconds(writing)
            + ", merged into one segment in "
            + seconds(merging));
    waitForMerges();
    index.sync(); // nothing to follow: it commits any merge that finished meanwhile and refreshes
    // the searcher
    int docs = index.size();
    int withVector = index.search(s -> s.count(new FieldExistsQuery(IndexFields.VECTOR)));
    int segments = index.search(s -> s.getIndexReader().leaves().size());
    log.accept(
        "index: " + docs + " papers (" + withVector + " with a vector), " + segments + " segments");
    return new Indexing(how, writing, merging, directorySize(dir), segments, docs, withVector);
  }

  private static boolean hasIndex(Path dir) {
    if (!Files.isDirectory(dir)) return false;
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index writer is private to the index; its merge threads are recognisable by name. */
  private static void waitForMerges() {
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("Lucene Merge Thread"))) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static long directorySize(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Heap heap() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return new Heap(rt.totalMemory() - rt.freeMemory(), rt.maxMemory());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long totalRam() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize()
        : -1;
  }

  private static String heapFlags() {
    List<String> flags =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(
                a ->
                    a.startsWith("-Xmx")
                        || a.startsWith("-Xms")
                        || a.startsWith("-XX:MaxRAM")
                        || (a.startsWith("-XX:+Use") && a.endsWith("GC")))
            .toList();
    return flags.isEmpty() ? "(none: JVM default)" : String.join(" ", flags);
  }

  static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }

  /** Step 3: the timed searches, one series per configuration, all over the same query list. */
  static final class QueryTimer {
    private final LuceneIndex index;
    private final SearchService service;
    private final SearchService precomputed;
    private final Embedder embedder;
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, Integer> fallbacks = new java.util.LinkedHashMap<>();
    private final Consumer<String> log;

    QueryTimer(LuceneIndex index, Embedder embedder, Consumer<String> log) {
      this.index = index;
      this.service = new SearchService(index, embedder);
      this.embedder = embedder;
      // vectors computed beforehand: isolates search time from query embedding
      this.precomputed =
          new SearchService(
              index,
              new QueryEmbedder(
                  embedder,
                  query ->
                      vectors.containsKey(query)
                          ? vectors.get(query)
                          : embedder.embedQuery(query)));
      this.log = log;
    }

    /**
     * One series: a label, a page size, a mode, and which service (with or without query
     * embedding).
     */
    private record Series(String label, Mode mode, int limit, boolean embedInline) {}

    private static final List<Series> SERIES =
        List.of(
            new Series("lexical, top 10 (what a user sees)", Mode.LEXICAL, 10, true),
            new Series("semantic, top 10, query embedded", Mode.SEMANTIC, 10, true),
            new Series("hybrid, top 10, query embedded", Mode.HYBRID, 10, true),
            new Series("lexical, top 1", Mode.LEXICAL, 1, true),
            new Series("lexical, top 100", Mode.LEXICAL, 100, true),
            new Series("semantic, top 10, vector given", Mode.SEMANTIC, 10, false),
            new Series("hybrid, top 10, vector given", Mode.HYBRID, 10, false));

    /** The searches {@code serve} runs at start, through the service that embeds its queries. */
    SearchWarmup.Report warmUpAsServe(int papers) {
      if (papers > 0) log.accept("warming up as serve does, with " + papers + " papers' titles...");
      return SearchWarmup.run(service, index, papers, WARMUP_SEED, () -> false);
    }

    void warmUp(List<String> queries) {
      log.accept("warming up with " + queries.size() + " other queries in every configuration...");
      for (String q : queries) vectors.put(textOf(q), embedder.embedQuery(textOf(q)));
      timeInterleaved(queries, false);
      vectors.clear();
    }

    List<LatencyStats> measureAll(List<String> queries) {
      List<LatencyStats> out = new ArrayList<>();
      long[] embedding = new long[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        String text = textOf(queries.get(i));
        long t = System.nanoTime();
        vectors.put(text, embedder.embedQuery(text));
        embedding[i] = System.nanoTime() - t;
      }
      out.add(LatencyStats.of("query embedding alone (bge, 1 query)", embedding, queries));
      log.accept(
          "measuring "
              + SERIES.size()
              + " configurations x "
              + queries.size()
              + " queries, interleaved...");
      long[][] nanos = timeInterleaved(queries, true);
      for (int s = 0; s < SERIES.size(); s++)
        out.add(LatencyStats.of(SERIES.get(s).label(), nanos[s], queries));
      return out;
    }

    /**
     * Similar papers (top 10) for each paper in {@code ids}, after as many lookups for {@code
     * warmup}.
     */
    LatencyStats similar(List<String> warmup, List<String> ids) {
      log.accept("measuring similar papers for " + ids.size() + " papers...");
      for (String id : warmup) service.similar(id, 10);
      long[] nanos = new long[ids.size()];
      for (int i = 0; i < ids.size(); i++) {
        long t = System.nanoTime();
        service.similar(ids.get(i), 10);
        nanos[i] = System.nanoTime() - t;
      }
      return LatencyStats.of("similar papers, top 10 (no embedding)", nanos, ids);
    }

    /**
     * Every configuration on each query in turn, starting with a different one each time: on a
     * shared machine whose load drifts, drift then spreads evenly over the configurations instead
     * of favouring whichever ran in a quiet minute, and no configuration always finds the query's
     * terms warm.
     */
    private long[][] timeInterleaved(List<String> queries, boolean record) {
      long[][] nanos = new long[SERIES.size()][queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        for (int k = 0; k < SERIES.size(); k++) {
          int s = (i + k) % SERIES.size();
          nanos[s][i] = time(SERIES.get(s), queries.get(i), record);
        }
      }
      return nanos;
    }

    private long time(Series s, String query, boolean record) {
      SearchService svc = s.embedInline() ? service : precomputed;
      SearchRequest request =
          new SearchRequest(query, s.mode(), Filters.NONE, Sort.RELEVANCE, 0, s.limit());
      long t = System.nanoTime();
      try {
        SearchResult r = svc.search(request);
        long took = System.nanoTime() - t;
        // a search whose text is only filters browses lexically: counted, so the table is honest
        if (record && r.modeUsed() != s.mode())
          fallbacks.merge(s.label() + ": ran as " + r.modeUsed(), 1, Integer::sum);
        return took;
      } catch (QueryException e) {
        if (record) fallbacks.merge(s.label() + ": query rejected", 1, Integer::sum);
        return System.nanoTime() - t;
      }
    }

    /** What the search service embeds: the query without its filters and exclusions. */
    private String textOf(String query) {
      return service.textToEmbed(query);
    }

    Map<String, Integer> fallbacks() {
      return fallbacks;
    }
  }

  /**
   * With synthetic paper vectors, the real model still embeds every query (its time is part of what
   * is measured) but the search uses the query's synthetic vector: a bge vector would point away
   * from all the synthetic ones, a direction real queries never take against real embeddings, and
   * the graph search explores several times further for it. So the semantic rows time a query that
   * lives among the papers.
   */
  private static Embedder withSyntheticQueries(Embedder model) {
    SyntheticVectors synthetic = new SyntheticVectors(model.dimensions());
    return new QueryEmbedder(
        model,
        query -> {
          model.embedQuery(query);
          return synthetic.of(query, "");
        });
  }
}
