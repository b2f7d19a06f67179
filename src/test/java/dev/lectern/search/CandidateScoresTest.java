package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperAnalyzers;
import dev.lectern.testing.TwoSegmentIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Score completion over a tiny index of two segments, one paper without a vector. */
class CandidateScoresTest {
  static final String[] TITLES = {
    "Graph transformers at scale", // 0
    "Protein folding", // 1
    "Graph neural networks", // 2: no vector
    "Transformers for speech", // 3 (second segment from here)
    "Attention on a graph, with transformers", // 4
  };
  static final float[][] VECTORS = {
    unit(1, 0, 0), unit(0, 1, 0), null, unit(1, 1, 0), unit(0, 0, 1)
  };
  static final float[] QUERY = unit(2, 1, 0);

  static TwoSegmentIndex index;
  static IndexSearcher searcher;
  static LexicalQueries lexical = new LexicalQueries(PaperAnalyzers.perField());

  @BeforeAll
  static void build() throws IOException {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < TITLES.length; i++) {
      Document d = new Document();
      d.add(new TextField(IndexFields.TITLE, TITLES[i], Field.Store.NO));
      d.add(
          new TextField(
              IndexFields.ABSTRACT,
              "An abstract about " + TITLES[i].toLowerCase(Locale.ROOT),
              Field.Store.NO));
      if (VECTORS[i] != null) {
        d.add(
            new KnnFloatVectorField(
                IndexFields.VECTOR, VECTORS[i], VectorSimilarityFunction.DOT_PRODUCT));
      }
      docs.add(d);
    }
    index = TwoSegmentIndex.of(docs, 3); // completion must map doc ids into each segment
    searcher = index.searcher();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void candidatesFoundOneWayGetTheirRealScoreTheOtherWay() throws IOException {
    Query q = lexical.parseCombined("graph transformers");
    Map<Integer, Float> bm25f = scores(q);
    // words found 0 and 2; meaning found 3, 1 and 0 (the lists' own scores are not reused:
    // recomputed)
    ScoreDoc[] byWords = {new ScoreDoc(0, 9f), new ScoreDoc(2, 8f)};
    ScoreDoc[] byMeaning = {new ScoreDoc(3, 0.9f), new ScoreDoc(1, 0.5f), new ScoreDoc(0, 0.4f)};
    var c = CandidateScores.of(searcher, q, QUERY, byWords, byMeaning);

    assertThat(c.docs()).containsExactly(0, 1, 2, 3);
    assertThat(c.lexical()[0]).isCloseTo(bm25f.get(0), within(1e-5f));
    assertThat(c.lexical()[1]).isZero(); // "Protein folding" has none of the words
    assertThat(c.lexical()[2]).isCloseTo(bm25f.get(2), within(1e-5f));
    assertThat(c.lexical()[3])
        .isCloseTo(bm25f.get(3), within(1e-5f)); // found by meaning, has "transformers"
    assertThat(c.lexical()[3]).isPositive();
    assertThat(c.semantic()[0]).isCloseTo(dot(QUERY, VECTORS[0]), within(1e-6f));
    assertThat(c.semantic()[1]).isCloseTo(dot(QUERY, VECTORS[1]), within(1e-6f));
    assertThat(c.semantic()[2]).isNaN(); // no vector: unknown, not zero
    assertThat(c.semantic()[3]).isCloseTo(dot(QUERY, VECTORS[3]), within(1e-6f));
  }

  @Test
  void aPhraseScoresOnlyWhereItsWordsStandTogether() throws IOException {
    Query q = lexical.parseCombined("\"graph transformers\"");
    Map<Integer, Float> phrase = scores(q);
    assertThat(phrase).containsOnlyKeys(0);
    // 4 has both words, apart: the phrase's two-phase check must reject it
    var c =
        CandidateScores.of(
            searcher,
            q,
            QUERY,
            new ScoreDoc[0],
            new ScoreDoc[] {new ScoreDoc(4, 0.1f), new ScoreDoc(0, 0.2f)});
    assertThat(c.docs()).containsExactly(0, 4);
    assertThat(c.lexical()[0]).isCloseTo(phrase.get(0), within(1e-5f));
    assertThat(c.lexical()[1]).isZero();
  }

  @Test
  void scoresMatchASearchInEverySegmentWhateverTheQueryForm() throws IOException {
    for (Query q :
        new Query[] {
          lexical.parse("transformers graph"), lexical.parseCombined("transformers graph")
        }) {
      Map<Integer, Float> expected = scores(q);
      int[] docs = {0, 1, 2, 3, 4};
      float[] got = CandidateScores.scores(searcher, q, docs);
      for (int i = 0; i < docs.length; i++) {
        assertThat(got[i]).isCloseTo(expected.getOrDefault(docs[i], 0f), within(1e-5f));
      }
    }
    assertThat(CandidateScores.scores(searcher, lexical.parse("graph"), new int[0])).isEmpty();
  }

  /** Every matching document's score as a plain search gives it. */
  private static Map<Integer, Float> scores(Query q) throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    for (ScoreDoc d : searcher.search(q, 100).scoreDocs) out.put(d.doc, d.score);
    return out;
  }

  private static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  private static float[] unit(float... v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = Arrays.copyOf(v, v.length);
    for (int i = 0; i < out.length; i++) out[i] /= (float) norm;
    return out;
  }
}
