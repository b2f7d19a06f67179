package dev.lectern.search.eval;

import dev.lectern.paper.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs search modes over a relevance set and scores them: nDCG@10, MRR@10 and Recall@100, each the
 * mean over the queries that have at least one relevant judgment (the others are skipped and
 * counted: no ranking can score on them, so they would only drag every mode's mean down alike). See
 * {@link Metrics} for the definitions.
 */
public final class RelevanceEvaluation {
  public static final int NDCG_AT = 10;
  public static final int MRR_AT = 10;
  public static final int RECALL_AT = 100;

  /** How many results each mode is asked for: enough for the deepest cutoff. */
  public static final int DEPTH = Math.max(RECALL_AT, Math.max(NDCG_AT, MRR_AT));

  /**
   * One query's figures under one mode; {@code retrieved} is how many results the mode returned.
   */
  public record QueryScores(
      String queryId,
      String query,
      int relevant,
      int retrieved,
      double ndcg,
      double mrr,
      double recall) {}

  /**
   * One mode's figures: the means over {@code perQuery}, the ids of the queries skipped for lack of
   * relevant judgments, and the mean time the retriever took per query.
   */
  public record ModeScores(
      String mode,
      double ndcg,
      double mrr,
      double recall,
      List<QueryScores> perQuery,
      List<String> skippedQueryIds,
      Duration meanLatency) {
    public ModeScores {
      perQuery = List.copyOf(perQuery);
      skippedQueryIds = List.copyOf(skippedQueryIds);
    }

    public int evaluated() {
      return perQuery.size();
    }
  }

  private final RelevanceSet set;

  public RelevanceEvaluation(RelevanceSet set) {
    this.set = set;
    if (set.queries().stream().noneMatch(q -> set.qrels().relevantCount(q.id()) > 0)) {
      throw new IllegalArgumentException(
          "no query has a relevant judgment: nothing can be evaluated (do the "
              + "query ids of the qrels file match the queries file?)");
    }
  }

  /** Scores each mode in the map's order (use a LinkedHashMap to fix the table's row order). */
  public List<ModeScores> evaluateAll(Map<String, Retriever> modes) {
    List<ModeScores> out = new ArrayList<>();
    modes.forEach((mode, retriever) -> out.add(evaluate(mode, retriever)));
    return out;
  }

  public ModeScores evaluate(String mode, Retriever retriever) {
    List<QueryScores> scores = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    long nanos = 0;
    for (EvalQuery q : set.queries()) {
      Map<String, Integer> grades = set.qrels().grades(q.id());
      int relevant = Metrics.relevantCount(grades);
      if (relevant == 0) {
        skipped.add(q.id());
        continue;
      }
      long start = System.nanoTime();
      List<String> ranked = retrieve(mode, retriever, q);
      nanos += System.nanoTime() - start;
      scores.add(
          new QueryScores(
              q.id(),
              q.text(),
              relevant,
              ranked.size(),
              Metrics.ndcg(ranked, grades, NDCG_AT),
              Metrics.reciprocalRank(ranked, grades, MRR_AT),
              Metrics.recall(ranked, grades, RECALL_AT)));
    }
    return new ModeScores(
        mode,
        mean(scores, QueryScores::ndcg),
        mean(scores, QueryScores::mrr),
        mean(scores, QueryScores::recall),
        scores,
        skipped,
        Duration.ofNanos(scores.isEmpty() ? 0 : nanos / scores.size()));
  }

  /** The mode's ranking as title keys, cut at {@link #DEPTH}. */
  private static List<String> retrieve(String mode, Retriever retriever, EvalQuery q) {
    List<String> titles;
    try {
      titles = retriever.rankedTitles(q.text(), DEPTH);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "mode "
              + mode
              + " failed on query "
              + q.id()
              + " ('"
              + q.text()
              + "'): "
              + e.getMessage(),
          e);
    }
    if (titles == null)
      throw new IllegalStateException("mode " + mode + " returned null for query " + q.id());
    List<String> keys = new ArrayList<>(Math.min(DEPTH, titles.size()));
    for (String t : titles.subList(0, Math.min(DEPTH, titles.size()))) keys.add(Text.titleKey(t));
    return keys;
  }

  private static double mean(
      List<QueryScores> scores, java.util.function.ToDoubleFunction<QueryScores> f) {
    return scores.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  /**
   * One aligned row per mode, e.g.
   *
   * <pre>
   * mode      queries  nDCG@10  MRR@10  Recall@100  ms/query
   * lexical        15    0.901   0.933       0.978       1.2
   * </pre>
   *
   * followed by a line naming the skipped queries, if any.
   */
  public static String format(List<ModeScores> results) {
    int modeWidth = Math.max(4, results.stream().mapToInt(r -> r.mode().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-" + modeWidth + "s  %7s  %7s  %6s  %10s  %8s%n",
            "mode",
            "queries",
            "nDCG@" + NDCG_AT,
            "MRR@" + MRR_AT,
            "Recall@" + RECALL_AT,
            "ms/query"));
    for (ModeScores r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-" + modeWidth + "s  %7d  %7.3f  %6.3f  %10.3f  %8.1f%n",
              r.mode(),
              r.evaluated(),
              r.ndcg(),
              r.mrr(),
              r.recall(),
              r.meanLatency().toNanos() / 1e6));
    }
    if (!results.isEmpty() && !results.getFirst().skippedQueryIds().isEmpty()) {
      List<String> skipped = results.getFirst().skippedQueryIds();
      sb.append(skipped.size())
          .append(skipped.size() == 1 ? " query" : " queries")
          .append(" without relevant judgments skipped: ")
          .append(String.join(", ", skipped))
          .append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** nDCG@10 per query, one column per mode, to see which queries a change helped or hurt. */
  public static String formatPerQuery(List<ModeScores> results) {
    if (results.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s", "query"));
    for (ModeScores r : results) sb.append(String.format(Locale.ROOT, "  %10s", r.mode()));
    sb.append("  text").append(System.lineSeparator());
    List<QueryScores> first = results.getFirst().perQuery();
    for (int i = 0; i < first.size(); i++) {
      sb.append(String.format(Locale.ROOT, "%-8s", first.get(i).queryId()));
      for (ModeScores r : results)
        sb.append(String.format(Locale.ROOT, "  %10.3f", r.perQuery().get(i).ndcg()));
      sb.append("  ").append(first.get(i).query()).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
