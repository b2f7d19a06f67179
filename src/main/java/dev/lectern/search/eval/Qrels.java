package dev.lectern.search.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgments: per query id, the grade of each judged paper by title key (0 not relevant, 1
 * relevant, 2 highly relevant). Unjudged papers count as not relevant.
 */
public record Qrels(Map<String, Map<String, Integer>> byQuery) {
  public Qrels {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    byQuery.forEach((q, grades) -> copy.put(q, Map.copyOf(grades)));
    byQuery = java.util.Collections.unmodifiableMap(copy);
  }

  /** The judgments of one query, title key -> grade; empty when it has none. */
  public Map<String, Integer> grades(String queryId) {
    return byQuery.getOrDefault(queryId, Map.of());
  }

  /** How many papers are judged relevant (grade 1 or more) for a query. */
  public int relevantCount(String queryId) {
    return Metrics.relevantCount(grades(queryId));
  }
}
