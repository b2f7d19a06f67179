package dev.lectern.ingest.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Categories and archives to the OAI sets that hold them. */
class ArxivScopeTest {
  private static String sets(String list) {
    return ArxivScope.parse(list).sets().toString();
  }

  @Test
  void categoriesOfAnArchiveShareOneHarvestOfItsSet() {
    assertThat(sets("cs.LG, cs.CL, cs.CV, cs.AI, stat.ML"))
        .isEqualTo("[cs (cs.AI, cs.CL, cs.CV, cs.LG), stat (stat.ML)]");
  }

  @Test
  void physicsArchivesAreSubsetsOfThePhysicsGroup() {
    assertThat(sets("hep-th, astro-ph.CO, physics.optics, quant-ph"))
        .isEqualTo(
            "[physics:hep-th, physics:astro-ph (astro-ph.CO), physics:physics (physics.optics), "
                + "physics:quant-ph]");
    assertThat(sets("physics")).as("the whole group").isEqualTo("[physics]");
    assertThat(sets("physics:hep-th")).as("a set as such").isEqualTo("[physics:hep-th]");
  }

  @Test
  void aWholeArchiveTakesInItsCategoriesInEitherOrder() {
    assertThat(sets("cs.LG cs math.CO")).isEqualTo("[cs, math (math.CO)]");
    assertThat(sets("cs, cs.LG")).isEqualTo("[cs]");
  }

  @Test
  void theListReadsAsASentence() {
    assertThat(ArxivScope.parse("cs.LG").label()).isEqualTo("cs.LG");
    assertThat(ArxivScope.parse("cs.LG,cs.CL, stat.ML").label())
        .isEqualTo("cs.LG, cs.CL and stat.ML");
  }

  @Test
  void anythingElseIsRefusedWithWhatIsExpected() {
    assertThatThrownBy(() -> ArxivScope.parse(" , ")).hasMessageContaining("cs.LG, stat.ML");
    assertThatThrownBy(() -> ArxivScope.parse("cs.LG, machine-learning!"))
        .hasMessageContaining("'machine-learning!' is not an arXiv category");
  }
}
