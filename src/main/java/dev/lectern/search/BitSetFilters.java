package dev.lectern.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Exclusions ({@code -sparse}) and broad filters ({@code cat:cs.LG}) applied as a bit set when the
 * best matches by words are found: the papers they rule out are set aside first, and the words'
 * query runs as if those papers were deleted, skipping as it would unfiltered. Lucene's own way
 * steps the query's scorer from one excluded paper to the next (so when the excluded word is in
 * many papers those steps are a few papers wide, and nothing can be skipped), or leads a
 * conjunction with the filter's papers and scores every one of them that has a query word. A narrow
 * filter is better as Lucene's conjunction, which visits only its papers; the two ways cost about
 * the same near 2% of the papers (measured in docs/performance.md).
 */
final class BitSetFilters {
  /**
   * Share of the papers from which a filter is applied as a bit set rather than in a conjunction.
   */
  static final double FROM_SHARE = 0.02;

  private BitSetFilters() {}

  /**
   * The words' query restricted to the filter's papers (null filter: unrestricted), as a bit set
   * when the filter passes at least {@link #FROM_SHARE} of the papers, else as Lucene's
   * conjunction.
   */
  static Query restrict(Query words, Query filter, IndexSearcher searcher) throws IOException {
    if (filter == null) return words;
    // the filter's own weight, not the searcher's: estimating its size is not a use the query cache
    // should count
    // (a FilterConjunction's parts still count: each is its own query to the cache)
    Weight w = searcher.rewrite(filter).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
    long cost = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier supplier = w.scorerSupplier(leaf);
      if (supplier != null) cost += supplier.cost();
    }
    boolean broad = cost >= FROM_SHARE * searcher.getIndexReader().maxDoc();
    return broad ? new RestrictedQuery(words, filter, true) : FilterQueries.restrict(words, filter);
  }

  /**
   * The filter for a search by meaning: {@code filter} (null for none) less the papers the words
   * query excludes, so that "-survey" holds in every mode; null when neither restricts anything.
   */
  static Query alsoExcluding(Query filter, Query words) {
    Query excluded = excludedBy(words);
    if (excluded == null) return filter;
    return new RestrictedQuery(filter == null ? new MatchAllDocsQuery() : filter, excluded, false);
  }

  /**
   * The same matches and scores, with a boolean query's exclusions applied as a bit set; any other
   * query (or one that is only exclusions) as it is.
   */
  static Query exclusions(Query q) {
    Query excluded = excludedBy(q);
    if (excluded == null) return q;
    BooleanQuery b = (BooleanQuery) q;
    // only exclusions ("everything but"): no scoring to skip by, and Lucene's way stops at the
    // first matches
    if (b.clauses().stream()
        .allMatch(c -> c.occur() == Occur.MUST_NOT || c.query() instanceof MatchAllDocsQuery)) {
      return q;
    }
    BooleanQuery.Builder kept =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
    for (BooleanClause c : b.clauses()) if (c.occur() != Occur.MUST_NOT) kept.add(c);
    return new RestrictedQuery(kept.build(), excluded, false);
  }

  /**
   * Whether {@code q} excludes something at its top level ({@code -survey}, {@code NOT survey}).
   */
  static boolean hasExclusions(Query q) {
    return q instanceof BooleanQuery b
        && b.clauses().stream().anyMatch(c -> c.occur() == Occur.MUST_NOT);
  }

  /** The top-level exclusions of {@code q} as one disjunction; null when it has none. */
  private static Query excludedBy(Query q) {
    if (!hasExclusions(q)) return null;
    BooleanQuery.Builder excluded = new BooleanQuery.Builder();
    for (BooleanClause c : ((BooleanQuery) q).clauses()) {
      if (c.occur() == Occur.MUST_NOT) excluded.add(c.query(), Occur.SHOULD);
    }
    return excluded.build();
  }
}
