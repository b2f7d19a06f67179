package dev.lectern.search.eval;

import java.util.List;

/**
 * A search mode under evaluation: the titles of its top {@code k} papers for a query, best first.
 * Titles are matched to the judgments by {@link dev.lectern.paper.Text#titleKey}, so raw titles and
 * title keys both work.
 */
@FunctionalInterface
public interface Retriever {
  List<String> rankedTitles(String query, int k);
}
