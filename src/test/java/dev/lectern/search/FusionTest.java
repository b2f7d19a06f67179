package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;
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
  void tiesKeepTheOrderOfFirstAppearanceAndEmptyRankingsAreHarmless() {
    var fused = Fusion.rrf(List.of(List.of("lex"), List.of("sem"), List.<String>of()), 60);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("lex", "sem");
    assertThat(Fusion.rrf(List.<List<String>>of(), 60)).isEmpty();
  }

  @Test
  void convexCombinationWeighsMinMaxScaledScores() {
    // semantic: a=0.9 (scaled 1), b=0.7 (scaled 0); lexical: b=12 (scaled 1), c=8 (0), d=10 (0.5)
    var fused = Fusion.convex(List.of("a", "b"), new float[] {0.9f, 0.7f},
        List.of("b", "c", "d"), new float[] {12f, 8f, 10f}, 0.7);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("a", "b", "d", "c");
    assertThat(fused.get(0).score()).isCloseTo(0.7, within(1e-6));
    assertThat(fused.get(1).score()).isCloseTo(0.3, within(1e-6));
    assertThat(fused.get(2).score()).isCloseTo(0.15, within(1e-6));
    assertThat(fused.get(3).score()).isCloseTo(0.0, within(1e-6));
  }

  @Test
  void aListWhoseScoresAreAllEqualCountsInFull() {
    var fused = Fusion.convex(List.of("a"), new float[] {0.5f}, List.of(), new float[0], 0.7);
    assertThat(fused.getFirst().score()).isCloseTo(0.7, within(1e-6));
  }

  @Test
  void anItemTheFirstRankingCannotScoreIsJudgedBySecondAlone() {
    // "new" has no vector yet: its lexical score counts in full instead of as 0.3 of a half-empty pair
    var fused = Fusion.convex(List.of("a", "b"), new float[] {0.9f, 0.7f},
        List.of("new", "b"), new float[] {12f, 8f}, 0.7, "new"::equals);
    assertThat(fused).extracting(Fusion.Fused::item).containsExactly("new", "a", "b");
    assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-6));
  }
}
