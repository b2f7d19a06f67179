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
}
