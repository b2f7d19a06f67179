package dev.lectern.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Filters that must all pass (a category and a date range, say). When each of them passes a large
 * share of the papers, each is read into a bit set on its own and the bit sets are ANDed; Lucene's
 * conjunction steps through them together one paper at a time, each step an advance on the other
 * clause, which is slower for broad filters (a hybrid search reads the filter twice, for the words
 * and for the graph; figures in docs/performance.md). A narrow clause (an author's name) makes
 * Lucene's conjunction, led by it, the cheaper way, and then it is used, as it is when whatever
 * consumes the filter visits fewer papers than the narrowest clause passes.
 */
final class FilterConjunction extends Query {
  private final List<Query> filters;

  /**
   * @param filters two or more filters, all of which must pass
   */
  FilterConjunction(List<Query> filters) {
    if (filters.size() < 2)
      throw new IllegalArgumentException("a conjunction needs two filters: " + filters);
    this.filters = List.copyOf(filters);
  }

  /** The same filters as Lucene's conjunction, which advances them together. */
  private BooleanQuery stepwise() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    filters.forEach(f -> b.add(f, Occur.FILTER));
    return b.build();
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // an unchanged rewrite is the same object, as in Lucene
  public Query rewrite(IndexSearcher searcher) throws IOException {
    List<Query> rewritten = new ArrayList<>(filters.size());
    boolean changed = false;
    for (Query f : filters) {
      Query r = f.rewrite(searcher);
      if (r instanceof MatchNoDocsQuery) return r;
      changed |= r != f;
      rewritten.add(r);
    }
    return changed ? new FilterConjunction(rewritten) : this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    List<Weight> each = new ArrayList<>(filters.size());
    for (Query f : filters) each.add(searcher.createWeight(f, ScoreMode.COMPLETE_NO_SCORES, 1f));
    Weight stepwise = searcher.createWeight(searcher.rewrite(stepwise()), scoreMode, boost);
    return new ConjunctionWeight(this, each, stepwise, scoreMode);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor v = visitor.getSubVisitor(Occur.FILTER, this);
    filters.forEach(f -> f.visit(v));
  }

  @Override
  public String toString(String field) {
    return filters.stream()
        .map(f -> "#" + f.toString(field))
        .collect(Collectors.joining(" ", "(", ")"));
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && filters.equals(((FilterConjunction) o).filters);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + filters.hashCode();
  }

  private static final class ConjunctionWeight extends Weight {
    private final List<Weight> each;
    private final Weight stepwise;
    private final ScoreMode scoreMode;

    ConjunctionWeight(Query query, List<Weight> each, Weight stepwise, ScoreMode scoreMode) {
      super(query);
      this.each = each;
      this.stepwise = stepwise;
      this.scoreMode = scoreMode;
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      List<ScorerSupplier> parts = new ArrayList<>(each.size());
      long narrowest = Long.MAX_VALUE;
      for (Weight w : each) {
        ScorerSupplier s = w.scorerSupplier(context);
        if (s == null) return null; // a filter no paper of this segment passes
        parts.add(s);
        narrowest = Math.min(narrowest, s.cost());
      }
      if (narrowest < BitSetFilters.FROM_SHARE * context.reader().maxDoc())
        return stepwise.scorerSupplier(context);
      long cost = narrowest;
      int maxDoc = context.reader().maxDoc();
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          if (leadCost < cost) { // led by something narrower: let it advance the filters
            ScorerSupplier led = stepwise.scorerSupplier(context);
            return led != null
                ? led.get(leadCost)
                : new ConstantScoreScorer(0f, scoreMode, DocIdSetIterator.empty());
          }
          FixedBitSet passing = allPassing(parts, maxDoc);
          // a filter scores 0, as Lucene's conjunction of filters does
          return new ConstantScoreScorer(
              0f, scoreMode, new BitSetIterator(passing, passing.cardinality()));
        }

        @Override
        public long cost() {
          return cost; // at most the narrowest filter's papers
        }
      };
    }

    /**
     * The papers every part passes: the first part's bit set, ANDed with each other part's in turn.
     */
    private static FixedBitSet allPassing(List<ScorerSupplier> parts, int maxDoc)
        throws IOException {
      FixedBitSet passing = read(parts.getFirst(), new FixedBitSet(maxDoc));
      FixedBitSet scratch = new FixedBitSet(maxDoc);
      for (ScorerSupplier part : parts.subList(1, parts.size())) {
        scratch.clear();
        passing.and(read(part, scratch));
      }
      return passing;
    }

    private static FixedBitSet read(ScorerSupplier part, FixedBitSet into) throws IOException {
      into.or(part.get(Long.MAX_VALUE).iterator());
      return into;
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return stepwise.explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return stepwise.matches(context, doc);
    }

    @Override
    public int count(LeafReaderContext context) throws IOException {
      return stepwise.count(context);
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
      return stepwise.isCacheable(context);
    }
  }
}
