package dev.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaperIdsTest {
  @Test
  void newStyleIdsLoseTheirVersionAndPrefix() {
    assertThat(PaperIds.normalizeArxivId("2401.01234v3")).isEqualTo("2401.01234");
    assertThat(PaperIds.normalizeArxivId("arXiv:0704.0001")).isEqualTo("0704.0001");
    assertThat(PaperIds.normalizeArxivId("https://arxiv.org/abs/2404.15574v1"))
        .isEqualTo("2404.15574");
    assertThat(PaperIds.normalizeArxivId("https://arxiv.org/pdf/2404.15574.pdf"))
        .isEqualTo("2404.15574");
  }

  @Test
  void oldStyleIdsKeepArchiveAndSubjectClass() {
    assertThat(PaperIds.normalizeArxivId("hep-th/9901001v2")).isEqualTo("hep-th/9901001");
    assertThat(PaperIds.normalizeArxivId("math.GT/0309136")).isEqualTo("math.GT/0309136");
  }

  @Test
  void nonIdsAreRecognisedAsSuch() {
    assertThat(PaperIds.normalizeArxivId("yesterday")).isNull();
    assertThat(PaperIds.normalizeArxivId("12345")).isNull();
    assertThat(PaperIds.isArxivId(PaperIds.fromTitle("Some title"))).isFalse();
  }

  @Test
  void titleIdsAreDeterministicAndIgnoreCaseSpacingAndPunctuation() {
    String a = PaperIds.fromTitle("Attention Is All You Need");
    assertThat(a).startsWith("t-").hasSize(18);
    assertThat(PaperIds.fromTitle("  attention is all\n you need! ")).isEqualTo(a);
    assertThat(PaperIds.fromTitle("Attention is not all you need")).isNotEqualTo(a);
  }

  @Test
  void aTitleInLatexGivesTheIdOfTheDecodedTitle() {
    assertThat(PaperIds.fromTitle("Nonlinear Schr\\\"{o}dinger solitons"))
        .isEqualTo(PaperIds.fromTitle("Nonlinear Schrödinger Solitons"));
  }

  @Test
  void aPaperWithoutATitleCannotGetATitleId() {
    assertThatThrownBy(() -> PaperIds.fromTitle(" -- "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
