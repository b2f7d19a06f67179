package dev.lectern.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The papers {@code kept} matches, scored by it, among those {@code by} matches ({@code keep}) or
 * does not match (an exclusion), with {@code by}'s papers read into a bit set first: scoring in
 * bulk, the kept query runs as if the papers that do not pass were deleted, so it skips as it would
 * unrestricted; advanced (in a conjunction), it checks each candidate against the bits; as a filter
 * (a kNN search's), it is the two bit sets combined word by word. See {@link BitSetFilters} for
 * when this pays.
 */
final class RestrictedQuery extends Query {
  private final Query kept;
  private final Query by;
  private final boolean keep;

  RestrictedQuery(Query kept, Query by, boolean keep) {
    this.kept = kept;
    this.by = by;
    this.keep = keep;
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // an unchanged rewrite is the same object, as in Lucene
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query k = kept.rewrite(searcher);
    Query b = by.rewrite(searcher);
    if (b instanceof MatchNoDocsQuery)
      return keep ? b : k; // nothing passes, or nothing is excluded
    return k == kept && b == by ? this : new RestrictedQuery(k, b, keep);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight keptWeight = searcher.createWeight(kept, scoreMode, boost);
    Weight byWeight = searcher.createWeight(by, ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new RestrictedWeight(this, keptWeight, byWeight, keep, scoreMode.needsScores());
  }

  @Override
  public void visit(QueryVisitor visitor) {
    kept.visit(visitor.getSubVisitor(Occur.MUST, this));
    by.visit(visitor.getSubVisitor(keep ? Occur.FILTER : Occur.MUST_NOT, this));
  }

  @Override
  public String toString(String field) {
    return "(" + kept.toString(field) + ") " + (keep ? "#(" : "-(") + by.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && kept.equals(((RestrictedQuery) o).kept)
        && by.equals(((RestrictedQuery) o).by)
        && keep == ((RestrictedQuery) o).keep;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), kept, by, keep);
  }

  private static final class RestrictedWeight extends Weight {
    private final Weight kept;
    private final Weight by;
    private final boolean keep;
    private final boolean scores;

    RestrictedWeight(Query query, Weight kept, Weight by, boolean keep, boolean scores) {
      super(query);
      this.kept = kept;
      this.by = by;
      this.keep = keep;
      this.scores = scores;
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      ScorerSupplier supplier = kept.scorerSupplier(context);
      if (supplier == null) return null;
      Scorer byScorer = by.scorer(context);
      if (byScorer == null)
        return keep ? null : supplier; // nothing passes, or nothing is excluded, here
      int maxDoc = context.reader().maxDoc();
      if (!scores) return asFilter(supplier, byScorer, maxDoc);
      FixedBitSet passing = passingDocs(byScorer, maxDoc);
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          return new RestrictedScorer(supplier.get(leadCost), passing);
        }

        @Override
        public BulkScorer bulkScorer() throws IOException {
          BulkScorer inner = supplier.bulkScorer();
          return new BulkScorer() {
            @Override
            public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
                throws IOException {
              return inner.score(collector, both(passing, acceptDocs), min, max);
            }

            @Override
            public long cost() {
              return inner.cost();
            }
          };
        }

        @Override
        public long cost() {
          return supplier.cost();
        }

        @Override
        public void setTopLevelScoringClause() throws IOException {
          supplier.setTopLevelScoringClause();
        }
      };
    }

    /**
     * As a filter (a kNN search's, which reads it into a bit set anyway): the kept documents' bit
     * set and the passing ones', word by word. Stepping through "everything but sparse" one
     * document at a time is slow on a large library (see docs/performance.md).
     */
    private ScorerSupplier asFilter(ScorerSupplier keptSupplier, Scorer byScorer, int maxDoc) {
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          FixedBitSet in = new FixedBitSet(maxDoc);
          in.or(keptSupplier.get(Long.MAX_VALUE).iterator());
          in.and(passingDocs(byScorer, maxDoc));
          return new ConstantScoreScorer(
              0f, ScoreMode.COMPLETE_NO_SCORES, new BitSetIterator(in, in.cardinality()));
        }

        @Override
        public long cost() {
          return keptSupplier
              .cost(); // at most: the bit sets are built only when the documents are wanted
        }
      };
    }

    /**
     * The documents that pass: those {@code by} matches when keeping, all others when excluding.
     */
    private FixedBitSet passingDocs(Scorer byScorer, int maxDoc) throws IOException {
      FixedBitSet bits = new FixedBitSet(maxDoc);
      bits.or(byScorer.iterator());
      if (!keep) bits.flip(0, maxDoc);
      return bits;
    }

    /** Documents that pass and are accepted (not deleted, when {@code accepted} is given). */
    private static Bits both(Bits passing, Bits accepted) {
      if (accepted == null) return passing;
      return new Bits() {
        @Override
        public boolean get(int doc) {
          return passing.get(doc) && accepted.get(doc);
        }

        @Override
        public int length() {
          return passing.length();
        }
      };
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      Explanation e = kept.explain(context, doc);
      if (!e.isMatch() || passes(context, doc)) return e;
      return Explanation.noMatch(keep ? "not in the filter" : "excluded", by.explain(context, doc));
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return passes(context, doc) ? kept.matches(context, doc) : null;
    }

    private boolean passes(LeafReaderContext context, int doc) throws IOException {
      Scorer s = by.scorer(context);
      boolean matched = s != null && s.iterator().advance(doc) == doc;
      return matched == keep;
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
      return kept.isCacheable(context) && by.isCacheable(context);
    }
  }

  /**
   * The kept query's scorer, skipping documents that do not pass (for conjunctions, which advance
   * it).
   */
  private static final class RestrictedScorer extends Scorer {
    private final Scorer in;
    private final TwoPhaseIterator twoPhase;

    RestrictedScorer(Scorer in, Bits passing) {
      this.in = in;
      TwoPhaseIterator inner = in.twoPhaseIterator();
      DocIdSetIterator approximation = inner == null ? in.iterator() : inner.approximation();
      this.twoPhase =
          new TwoPhaseIterator(approximation) {
            @Override
            public boolean matches() throws IOException {
              return passing.get(approximation.docID()) && (inner == null || inner.matches());
            }

            @Override
            public float matchCost() {
              return 1 + (inner == null ? 0 : inner.matchCost());
            }
          };
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }
  }
}
