package dev.lectern.search.bench;

import dev.lectern.index.IndexFields;
import dev.lectern.search.CandidateScores;
import dev.lectern.search.NearestNeighbours;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.BiFunction;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;

/**
 * How well the quantized HNSW graph finds a query's nearest neighbours, unfiltered and restricted
 * to a category, under Lucene's two strategies for a filtered graph search and Lectern's: latency
 * and two recalls against an exact scan of every (matching) paper's float vector. Recall counts a
 * returned paper as found when its exact similarity is at least the true k-th best, so papers tied
 * with the k-th count as found (synthetic vectors have many near-ties, and an id-by-id comparison
 * would fault the graph for choosing among equals). "candidates" is recall@100 of the graph search
 * itself; "top 10" is recall@10 after the second stage re-ranks those candidates by exact
 * similarity, which is what a reader sees.
 */
final class KnnRecall {
  static final int K = 100;
  static final int SHOWN = 10;

  record Row(
      String filter,
      double share,
      String strategy,
      LatencyStats latency,
      double candidateRecall,
      double top10Recall) {
    String line() {
      return String.format(
          Locale.ROOT,
          "%-22s %5.1f%%  %-30s %7.2f %7.2f %8.3f %8.3f",
          filter,
          100 * share,
          strategy,
          latency.p50(),
          latency.p99(),
          candidateRecall,
          top10Recall);
    }
  }

  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-22s %6s  %-30s %7s %7s %8s %8s",
          "kNN k=100 filter",
          "share",
          "strategy",
          "p50 ms",
          "p99 ms",
          "cand@100",
          "top10");

  private KnnRecall() {}

  /** Each filter (null: none) under each strategy, over the same query vectors. */
  static List<Row> measure(IndexSearcher s, List<float[]> queries, List<String> categories)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    filters.add(null);
    filters.addAll(categories);
    for (String category : filters) {
      Query filter =
          category == null ? null : new TermQuery(new Term(IndexFields.CATEGORY, category));
      FixedBitSet accepted = accepted(s, filter);
      double share =
          accepted == null ? 1 : accepted.cardinality() / (double) s.getIndexReader().maxDoc();
      List<ScoreDoc[]> exact = new ArrayList<>();
      for (float[] q : queries) exact.add(exactTop(s, q, accepted));
      for (Strategy strategy : strategies(category != null)) {
        long[] nanos = new long[queries.size()];
        double candidates = 0;
        double shown = 0;
        for (int i = 0; i < queries.size(); i++) {
          float[] q = queries.get(i);
          long t = System.nanoTime();
          TopDocs found = s.search(strategy.query(q, filter), K);
          nanos[i] = System.nanoTime() - t;
          float[] byExactSimilarity = reranked(s, q, found.scoreDocs);
          candidates += recall(byExactSimilarity, exact.get(i), K);
          shown += recall(byExactSimilarity, exact.get(i), SHOWN);
        }
        rows.add(
            new Row(
                category == null ? "none" : "cat:" + category,
                share,
                strategy.name(),
                LatencyStats.of("", nanos),
                candidates / queries.size(),
                shown / queries.size()));
      }
    }
    return rows;
  }

  /**
   * Categories to filter by: the most common one and those closest to a 12%, a 5%, a 3.5% and a
   * 0.5% share of the papers, so broad, middling and narrow filters are measured, on both sides of
   * {@link NearestNeighbours#EXACT_BELOW_SHARE}.
   */
  static List<String> categories(IndexSearcher s) throws IOException {
    record Share(String category, double share) {}
    List<Share> all = new ArrayList<>();
    int papers = s.getIndexReader().maxDoc();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      var terms = leaf.reader().terms(IndexFields.CATEGORY);
      if (terms == null) continue;
      var it = terms.iterator();
      for (var t = it.next(); t != null; t = it.next()) {
        all.add(
            new Share(
                t.utf8ToString(),
                s.getIndexReader().docFreq(new Term(IndexFields.CATEGORY, t)) / (double) papers));
      }
    }
    if (all.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    out.add(
        all.stream().max((a, b) -> Double.compare(a.share(), b.share())).orElseThrow().category());
    for (double goal : new double[] {0.12, 0.05, 0.035, 0.005}) {
      String c =
          all.stream()
              .min((a, b) -> Double.compare(Math.abs(a.share() - goal), Math.abs(b.share() - goal)))
              .orElseThrow()
              .category();
      if (!out.contains(c)) out.add(c);
    }
    return out;
  }

  /** A way to search the graph under a filter. */
  private record Strategy(String name, BiFunction<float[], Query, Query> search) {
    Query query(float[] q, Query filter) {
      return search.apply(q, filter);
    }
  }

  private static List<Strategy> strategies(boolean filtered) {
    Strategy graph =
        new Strategy(
            "graph with filter (Lucene)",
            (q, f) ->
                new KnnFloatVectorQuery(
                    IndexFields.VECTOR, q, K, f, KnnSearchStrategy.Hnsw.DEFAULT));
    if (!filtered) return List.of(graph);
    return List.of(
        graph,
        new Strategy(
            "filtered graph search <60%",
            (q, f) ->
                new KnnFloatVectorQuery(
                    IndexFields.VECTOR, q, K, f, new KnnSearchStrategy.Hnsw(60))),
        new Strategy(
            String.format(
                Locale.ROOT,
                "Lectern: scan <%.0f%%, else graph",
                100 * NearestNeighbours.EXACT_BELOW_SHARE),
            (q, f) -> new NearestNeighbours(IndexFields.VECTOR, q, K, f)));
  }

  private static FixedBitSet accepted(IndexSearcher s, Query filter) throws IOException {
    if (filter == null) return null;
    FixedBitSet bits = new FixedBitSet(s.getIndexReader().maxDoc());
    Weight w = s.createWeight(s.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer scorer = w.scorer(leaf);
      if (scorer == null) continue;
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc())
        bits.set(leaf.docBase + d);
    }
    return bits;
  }

  /** The true k nearest papers (passing the filter), by a scan of every float vector. */
  private static ScoreDoc[] exactTop(IndexSearcher s, float[] q, FixedBitSet accepted)
      throws IOException {
    PriorityQueue<ScoreDoc> top = new PriorityQueue<>((a, b) -> Float.compare(a.score, b.score));
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      if (values == null) continue;
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (accepted != null && !accepted.get(leaf.docBase + d)) continue;
        float score = VectorUtil.dotProduct(q, values.vectorValue(it.index()));
        if (top.size() < K) top.add(new ScoreDoc(leaf.docBase + d, score));
        else if (score > top.peek().score) {
          top.poll();
          top.add(new ScoreDoc(leaf.docBase + d, score));
        }
      }
    }
    ScoreDoc[] out = top.toArray(ScoreDoc[]::new);
    Arrays.sort(out, (a, b) -> Float.compare(b.score, a.score));
    return out;
  }

  /**
   * The exact similarities of the graph's candidates, best first, as the search's second stage
   * orders them (the search's own scorer of candidates computes them).
   */
  private static float[] reranked(IndexSearcher s, float[] q, ScoreDoc[] found) throws IOException {
    int[] docs = Arrays.stream(found).mapToInt(d -> d.doc).sorted().toArray();
    float[] similarities = CandidateScores.cosines(s, q, docs);
    Arrays.sort(similarities);
    for (int i = 0, j = similarities.length - 1; i < j; i++, j--) {
      float t = similarities[i];
      similarities[i] = similarities[j];
      similarities[j] = t;
    }
    return similarities;
  }

  /**
   * Share of the first {@code k} similarities (best first) at least as high as the true k-th
   * nearest's.
   */
  private static double recall(float[] bestFirst, ScoreDoc[] exact, int k) {
    if (exact.length == 0) return 1;
    float kth = exact[Math.min(k, exact.length) - 1].score;
    int found = 0;
    for (int i = 0; i < Math.min(k, bestFirst.length); i++) if (bestFirst[i] >= kth) found++;
    return found / (double) Math.min(k, exact.length);
  }
}
