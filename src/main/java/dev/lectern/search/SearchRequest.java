package dev.lectern.search;

/**
 * One search. The query uses the syntax of {@link UserQuery}; filters given here and filters
 * written in the query both apply.
 *
 * @param offset hits to skip, for paging (at most {@link #MAX_OFFSET})
 * @param limit hits to return, 1 to {@link #MAX_LIMIT}
 */
public record SearchRequest(
    String query, Mode mode, Filters filters, Sort sort, int offset, int limit) {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 1000;

  /** How hits are found. */
  public enum Mode {
    /** BM25 over title, abstract and authors. */
    LEXICAL,
    /** Nearest neighbours of the query's embedding. */
    SEMANTIC,
    /** Both, fused by a weighted combination of normalized scores: the default. */
    HYBRID
  }

  /** How hits are ordered. Papers without the sort value (no date, no upvotes) come last. */
  public enum Sort {
    RELEVANCE,
    DATE,
    POPULARITY
  }

  public SearchRequest {
    query = query == null ? "" : query;
    mode = mode == null ? Mode.HYBRID : mode;
    filters = filters == null ? Filters.NONE : filters;
    sort = sort == null ? Sort.RELEVANCE : sort;
    offset = Math.clamp(offset, 0, MAX_OFFSET);
    limit = Math.clamp(limit, 1, MAX_LIMIT);
  }

  /** A hybrid search by relevance, first ten hits. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, Mode.HYBRID, Filters.NONE, Sort.RELEVANCE, 0, 10);
  }

  public SearchRequest withMode(Mode m) {
    return new SearchRequest(query, m, filters, sort, offset, limit);
  }

  public SearchRequest withFilters(Filters f) {
    return new SearchRequest(query, mode, f, sort, offset, limit);
  }

  public SearchRequest withSort(Sort s) {
    return new SearchRequest(query, mode, filters, s, offset, limit);
  }

  public SearchRequest page(int newOffset, int newLimit) {
    return new SearchRequest(query, mode, filters, sort, newOffset, newLimit);
  }
}
