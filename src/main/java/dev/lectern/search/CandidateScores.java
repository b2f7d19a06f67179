package dev.lectern.search;

import dev.lectern.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.VectorUtil;

/**
 * Both scores of every hybrid candidate. The lexical and the semantic ranking each return their own
 * top list, and a paper found by only one of them still has a real score on the other side: a paper
 * found by meaning may match some of the query's words, and a paper found by words has a cosine
 * with the query like any other. Fusing with that side set to zero (or to the list's minimum) would
 * judge the paper by a guess; here it is measured, so both rankings are normalized and combined
 * over the same set of papers.
 *
 * <p>The cost is proportional to the candidates (at most the two list depths), not to the index:
 * the scoring query's scorer is advanced to each candidate (skipping through the postings, segment
 * by segment), and each candidate's float vector is read by random access and dotted with the
 * query. Both are computed for every candidate, also for those the ranking itself found: the words
 * with the scoring query (BM25F, which would be slow to search a large index with, see {@link
 * LexicalQueries#parseCombined}), the similarity exactly, because the kNN scores come from the
 * scalar-quantized graph and approximate scores beside exact ones would not be on one scale (the
 * exact cosines also rank the dev set better). Scoring the candidates both ways takes under a
 * millisecond at the median at 1M papers. Figures in docs/relevance.md and docs/performance.md.
 */
public final class CandidateScores {
  /**
   * Candidates in increasing document order with their scores: {@code lexical} the scoring query's
   * score (0 where the paper does not match it), {@code semantic} the cosine of the query vector
   * with the paper's unit vector, or NaN where the paper has no vector (not yet embedded): unknown,
   * not zero.
   */
  record Scored(int[] docs, float[] lexical, float[] semantic) {}

  private CandidateScores() {}

  /** The union of the two top lists, scored both ways. */
  static Scored of(
      IndexSearcher s, Query scoring, float[] vector, ScoreDoc[] byWords, ScoreDoc[] byMeaning)
      throws IOException {
    int[] docs = new int[byWords.length + byMeaning.length];
    for (int i = 0; i < byWords.length; i++) docs[i] = byWords[i].doc;
    for (int i = 0; i < byMeaning.length; i++) docs[byWords.length + i] = byMeaning[i].doc;
    docs = Arrays.stream(docs).sorted().distinct().toArray();
    return new Scored(docs, scores(s, scoring, docs), cosines(s, vector, docs));
  }

  /**
   * The query's score of each document, 0 where it does not match. {@code docs} must be in
   * increasing order: each segment's scorer only moves forward.
   */
  static float[] scores(IndexSearcher s, Query query, int[] docs) throws IOException {
    float[] out = new float[docs.length];
    if (docs.length == 0) return out;
    Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    for (int i = 0; i < docs.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int from = i;
      for (int end = leaf.docBase + leaf.reader().maxDoc(); i < docs.length && docs[i] < end; ) i++;
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier == null) continue; // no candidate of this segment matches: all stay 0
      Scorer scorer = supplier.get(i - from); // lead cost: only these documents are visited
      TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
      DocIdSetIterator it = twoPhase != null ? twoPhase.approximation() : scorer.iterator();
      for (int j = from; j < i; j++) {
        int local = docs[j] - leaf.docBase;
        int at = it.docID() < local ? it.advance(local) : it.docID();
        if (at == local && (twoPhase == null || twoPhase.matches()))
          out[j] = scorer.score(); // phrases: positions too
      }
    }
    return out;
  }

  /**
   * The query's dot product with each document's vector, NaN without one: the cosine, documents
   * being indexed at unit length (a query vector of another length scales every score alike, which
   * normalizing undoes).
   */
  public static float[] cosines(IndexSearcher s, float[] vector, int[] docs) throws IOException {
    float[] out = new float[docs.length];
    Arrays.fill(out, Float.NaN);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    for (int i = 0; i < docs.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
      for (int end = leaf.docBase + leaf.reader().maxDoc(); i < docs.length && docs[i] < end; i++) {
        if (it == null) continue;
        int local = docs[i] - leaf.docBase;
        if ((it.docID() < local ? it.advance(local) : it.docID()) == local) {
          out[i] = VectorUtil.dotProduct(vector, values.vectorValue(it.index()));
        }
      }
    }
    return out;
  }
}
