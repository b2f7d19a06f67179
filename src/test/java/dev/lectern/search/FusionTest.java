package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  @Test
  void scoresAreSumsOfReciprocalRanks() {
    var fused = Fusion.rrf(List.of(List.of("a", "b", "c"), List.of("c", "a", "d")), 60);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("a", "c", "b", "d");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
    assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    assertThat(fused.get(3).score()).isCloseTo(1.0 / 63, within(1e-12));
  }

  @Test
  void agreementBeatsASingleFirstPlace() {
    // second in both rankings beats first in only one: the point of fusing
    var fused = Fusion.rrf(List.of(List.of("x", "both"), List.of("y", "both")), 60);
    assertThat(fused.getFirst().item()).isEqualTo("both");
  }

  @Test
  void aWeightMultipliesItsRankingsTerms() {
    var fused =
        Fusion.rrf(
            List.of(List.of("lex", "both"), List.of("sem", "both")), new double[] {0.3, 0.7}, 60);
    // second in both still beats first in the heavier ranking alone; first in the lighter one comes
    // last
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("both", "sem", "lex");
    assertThat(fused.get(1).score()).isCloseTo(0.7 / 61, within(1e-12));
    assertThat(fused.get(2).score()).isCloseTo(0.3 / 61, within(1e-12));
    assertThatThrownBy(() -> Fusion.rrf(List.of(List.of("a")), new double[] {1, 1}, 60))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tiesKeepTheOrderOfFirstAppearanceAndEmptyRankingsAreHarmless() {
    var fused = Fusion.rrf(List.of(List.of("lex"), List.of("sem"), List.<String>of()), 60);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("lex", "sem");
    assertThat(Fusion.rrf(List.<List<String>>of(), 60)).isEmpty();
  }

  @Test
  void minMaxMapsOntoTheUnitIntervalAndLeavesMissingScoresOut() {
    double[] n = Fusion.Normalization.MIN_MAX.apply(new float[] {2f, 10f, Float.NaN, 6f});
    assertThat(n[0]).isCloseTo(0, within(1e-12));
    assertThat(n[1]).isCloseTo(1, within(1e-12));
    assertThat(n[2]).isNaN();
    assertThat(n[3]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void zScoreCountsStandardDeviationsFromTheMean() {
    // mean 4, population sd 2
    double[] n = Fusion.Normalization.Z_SCORE.apply(new float[] {2f, 6f, 2f, 6f, Float.NaN});
    assertThat(n).startsWith(-1, 1, -1, 1);
    assertThat(n[4]).isNaN();
  }

  @Test
  void dbsfMapsThreeDeviationsEitherSideOntoTheUnitIntervalAndClipsBeyond() {
    // mean 0, sd 1: -1 and 1 map to 2/6 and 4/6
    float[] raw = {-1f, 1f, -1f, 1f, -1f, 1f, -1f, 1f};
    double[] n = Fusion.Normalization.DBSF.apply(raw);
    assertThat(n[0]).isCloseTo((3 - 1) / 6.0, within(1e-12));
    assertThat(n[1]).isCloseTo((3 + 1) / 6.0, within(1e-12));
    // one far outlier among many equal scores: z = sqrt(n - 1) = 3.87 > 3, clipped to 1
    float[] outlier = new float[16];
    outlier[0] = 100f;
    double[] c = Fusion.Normalization.DBSF.apply(outlier);
    assertThat(c[0]).isEqualTo(1.0);
    assertThat(c[1]).isBetween(0.0, 0.5);
  }

  @Test
  void equalScoresTellNothingApartAndGetTheMiddle() {
    for (var norm : Fusion.Normalization.values()) {
      double middle = norm == Fusion.Normalization.Z_SCORE ? 0 : 0.5;
      assertThat(norm.apply(new float[] {3f, 3f, Float.NaN})).startsWith(middle, middle);
      assertThat(norm.apply(new float[] {7f})).containsExactly(middle);
      assertThat(norm.apply(new float[0])).isEmpty();
    }
  }

  @Test
  void normalizationIsBlindToScaleAndShift() {
    // BM25 and cosine live on unrelated scales: only the shape of each list may count
    float[] raw = {1.5f, 3f, 0f, 9f};
    float[] moved = new float[raw.length];
    for (int i = 0; i < raw.length; i++) moved[i] = 4 * raw[i] - 7;
    for (var norm : Fusion.Normalization.values()) {
      double[] a = norm.apply(raw), b = norm.apply(moved);
      for (int i = 0; i < a.length; i++) assertThat(b[i]).isCloseTo(a[i], within(1e-6));
    }
  }

  @Test
  void convexCombinationWeighsNormalizedScoresOfEveryItem() {
    // semantic: a=0.9 (scaled 1), b=0.7 (0), c=0.8 (0.5); lexical: a=0 (0), b=12 (1), c=9 (0.75)
    var fused =
        Fusion.convex(
            List.of("a", "b", "c"),
            new float[] {0.9f, 0.7f, 0.8f},
            new float[] {0f, 12f, 9f},
            0.7,
            Fusion.Normalization.MIN_MAX);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("a", "c", "b");
    assertThat(fused.get(0).score()).isCloseTo(0.7, within(1e-6));
    assertThat(fused.get(1).score()).isCloseTo(0.7 * 0.5 + 0.3 * 0.75, within(1e-6));
    assertThat(fused.get(2).score()).isCloseTo(0.3, within(1e-6));
  }

  @Test
  void anItemTheFirstRankingCannotScoreIsJudgedBySecondAlone() {
    // "new" has no vector yet: its lexical score counts in full instead of as 0.3 of a half-empty
    // pair
    var fused =
        Fusion.convex(
            List.of("a", "b", "new"),
            new float[] {0.9f, 0.7f, Float.NaN},
            new float[] {8f, 10f, 12f},
            0.7,
            Fusion.Normalization.MIN_MAX);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("new", "a", "b");
    assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-6));
    // and the missing score is left out of the first list's statistics: a and b still span [0, 1]
    assertThat(fused.get(1).score()).isCloseTo(0.7, within(1e-6));
  }

  @Test
  void anItemWithoutAnyScoreOrAMismatchedListIsAnError() {
    assertThatThrownBy(
            () ->
                Fusion.convex(
                    List.of("x"),
                    new float[] {Float.NaN},
                    new float[] {Float.NaN},
                    0.5,
                    Fusion.Normalization.MIN_MAX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Fusion.convex(
                    List.of("x", "y"),
                    new float[] {1f},
                    new float[] {1f, 2f},
                    0.5,
                    Fusion.Normalization.MIN_MAX))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
