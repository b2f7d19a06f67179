package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The second stage of ranked search: the first stage's hits re-ordered by better scores. */
class RescoringTest {
  @Test
  void hitsTakeTheSecondStagesOrderAndScores() {
    ScoreDoc[] firstStage = {new ScoreDoc(7, 3f), new ScoreDoc(2, 2f), new ScoreDoc(9, 1f)};
    int[] docs = {2, 7, 9};
    float[] better = {0.5f, 0.9f, 1.4f};

    ScoreDoc[] out = SearchService.rescored(firstStage, better, docs);

    assertThat(out).extracting(d -> d.doc).containsExactly(9, 7, 2);
    assertThat(out).extracting(d -> d.score).containsExactly(1.4f, 0.9f, 0.5f);
  }

  @Test
  void tiesKeepTheFirstStagesOrderAndUnscorableHitsGoLast() {
    ScoreDoc[] firstStage = {new ScoreDoc(5, 3f), new ScoreDoc(1, 2f), new ScoreDoc(3, 1f)};
    int[] docs = {1, 3, 5};
    float[] better = {0.7f, 0.7f, Float.NaN}; // doc 5 cannot be scored (no vector yet)

    ScoreDoc[] out = SearchService.rescored(firstStage, better, docs);

    assertThat(out).extracting(d -> d.doc).containsExactly(1, 3, 5);
    assertThat(out[2].score).isZero();
  }
}
