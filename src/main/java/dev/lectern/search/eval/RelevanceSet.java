package dev.lectern.search.eval;

import java.util.List;

/**
 * Queries with their judgments, as read from a queries file and a qrels file.
 *
 * @param warnings problems that did not stop the reading (e.g. judgments for a query the queries
 *     file lacks), each naming its file and line
 */
public record RelevanceSet(List<EvalQuery> queries, Qrels qrels, List<String> warnings) {
  public RelevanceSet {
    queries = List.copyOf(queries);
    warnings = List.copyOf(warnings);
  }
}
