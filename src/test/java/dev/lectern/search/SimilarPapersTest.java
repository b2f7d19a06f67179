package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

class SimilarPapersTest {
  static TopDocs top(int... docs) {
    return new TopDocs(
        new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO),
        Arrays.stream(docs).mapToObj(d -> new ScoreDoc(d, 1f / (d + 1))).toArray(ScoreDoc[]::new));
  }

  static int[] docs(ScoreDoc[] hits) {
    return Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
  }

  @Test
  void thePaperItselfIsDroppedAndTheExtraHitOnlyStandsInForIt() {
    assertThat(docs(SimilarPapers.without(7, top(7, 3, 5, 9)))).containsExactly(3, 5, 9);
    assertThat(docs(SimilarPapers.without(7, top(3, 5, 9, 1))))
        .as("not among them: the extra one goes")
        .containsExactly(3, 5, 9);
    assertThat(docs(SimilarPapers.without(7, top(3, 7)))).containsExactly(3);
    assertThat(SimilarPapers.without(7, top(7))).isEmpty();
    assertThat(SimilarPapers.without(7, top())).isEmpty();
  }

  @Test
  void theNearestNeighbourOutranksThePaperWithTheMostWordsInCommon() {
    // each first in one list only: meaning weighs more, as in hybrid search
    ScoreDoc[] fused =
        SimilarPapers.byRank(
            new ScoreDoc[] {new ScoreDoc(1, 9f)}, new ScoreDoc[] {new ScoreDoc(2, 0.9f)});
    assertThat(Arrays.stream(fused).mapToInt(d -> d.doc)).containsExactly(2, 1);
    // found both ways still beats found one way, however high
    fused =
        SimilarPapers.byRank(
            new ScoreDoc[] {new ScoreDoc(1, 9f), new ScoreDoc(3, 8f)},
            new ScoreDoc[] {new ScoreDoc(2, 0.9f), new ScoreDoc(3, 0.8f)});
    assertThat(fused[0].doc).isEqualTo(3);
  }
}
