package dev.lectern.search;

import dev.lectern.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Both scores of every hybrid candidate. The lexical and the semantic ranking each return their own top
 * list, and a paper found by only one of them still has a real score on the other side: a paper found by
 * meaning may match some of the query's words, and a paper found by words has a cosine with the query like
 * any other. Fusing with that side set to zero (or to the list's minimum) would judge the paper by a guess;
 * here it is measured, so both rankings are normalized and combined over the same set of papers.
 *
 * <p>The cost is proportional to the candidates (at most the two list depths), not to the index: the
 * lexical query's scorer is advanced to each candidate it has no score for (skipping through the postings,
 * segment by segment), and each candidate's float vector is read by random access and dotted with the
 * query. The cosine is recomputed for the nearest neighbours too, because their kNN scores come from the
 * scalar-quantized graph: approximate scores for some candidates beside exact ones for others would not be
 * on one scale. (On the dev set the exact cosines alone rank better than the quantized ones: nDCG@10 0.929
 * against 0.922.)
 */
final class CandidateScores {
  /**
   * Candidates in increasing document order with their scores: {@code lexical} the BM25 score of the query
   * (0 where the paper does not match it), {@code semantic} the cosine of the query vector with the paper's
   * unit vector, or NaN where the paper has no vector (not yet embedded): unknown, not zero.
   */
  record Scored(int[] docs, float[] lexical, float[] semantic) {}

  private CandidateScores() {}

  /**
   * The union of the two top lists, scored both ways.
   *
   * @param lexicalQuery the query that ranked {@code byWords}, whose scores are reused
   * @param vector the query's embedding, which ranked {@code byMeaning}
   */
  static Scored of(IndexSearcher s, Query lexicalQuery, float[] vector, ScoreDoc[] byWords, ScoreDoc[] byMeaning)
      throws IOException {
    Map<Integer, Float> known = new HashMap<>();
    for (ScoreDoc d : byWords) known.put(d.doc, d.score);
    int[] docs = new int[byWords.length + byMeaning.length];
    for (int i = 0; i < byWords.length; i++) docs[i] = byWords[i].doc;
    for (int i = 0; i < byMeaning.length; i++) docs[byWords.length + i] = byMeaning[i].doc;
    docs = Arrays.stream(docs).sorted().distinct().toArray();
    float[] lexical = new float[docs.length];
    for (int i = 0; i < docs.length; i++) lexical[i] = known.getOrDefault(docs[i], Float.NaN);
    fillLexical(s, lexicalQuery, docs, lexical);
    return new Scored(docs, lexical, cosines(s, vector, docs));
  }

  /**
   * Replaces each NaN in {@code scores} by the query's score of that document, 0 where it does not match.
   * {@code docs} must be in increasing order: each segment's scorer only moves forward.
   */
  static void fillLexical(IndexSearcher s, Query query, int[] docs, float[] scores) throws IOException {
    Weight weight = null;
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    for (int i = 0; i < docs.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int from = i, missing = 0;
      for (int end = leaf.docBase + leaf.reader().maxDoc(); i < docs.length && docs[i] < end; i++) {
        if (Float.isNaN(scores[i])) missing++;
      }
      if (missing == 0) continue;
      if (weight == null) weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE, 1f);
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      Scorer scorer = supplier == null ? null : supplier.get(missing); // lead cost: we visit only these
      TwoPhaseIterator twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
      DocIdSetIterator it = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
      for (int j = from; j < i; j++) {
        if (!Float.isNaN(scores[j])) continue;
        int local = docs[j] - leaf.docBase;
        boolean matches = it != null && (it.docID() < local ? it.advance(local) : it.docID()) == local
            && (twoPhase == null || twoPhase.matches()); // phrases: the positions must match too
        scores[j] = matches ? scorer.score() : 0f;
      }
    }
  }

  /**
   * The query's dot product with each document's vector, NaN without one: the cosine, documents being
   * indexed at unit length (a query vector of another length scales every score alike, which normalizing
   * undoes).
   */
  static float[] cosines(IndexSearcher s, float[] vector, int[] docs) throws IOException {
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
