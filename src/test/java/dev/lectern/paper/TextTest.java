package dev.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void snapshotLineWrapsBecomeSingleSpaces() {
    assertThat(Text.clean("  A fully differential calculation\n  in perturbative QCD.\n"))
        .isEqualTo("A fully differential calculation in perturbative QCD.");
  }

  @Test
  void aSingleNewlineBecomesASpaceEvenWhenTheLengthStaysTheSame() {
    assertThat(Text.clean("one\ntwo")).isEqualTo("one two");
    assertThat(Text.clean("one two")).isEqualTo("one two");
  }

  @Test
  void latexIsKeptAsWritten() {
    assertThat(Text.clean("with $\\alpha$-math and \\emph{x}"))
        .isEqualTo("with $\\alpha$-math and \\emph{x}");
  }

  @Test
  void controlCharactersCountAsWhitespace() {
    assertThat(Text.clean("a\u0000\u0001b\t\tc")).isEqualTo("a b c");
    assertThat(Text.cleanOrNull(" \n ")).isNull();
  }

  @Test
  void titleKeyFoldsCaseAccentsAndPunctuation() {
    assertThat(Text.titleKey("Balázs: Über-Fast  GNNs!")).isEqualTo("balazs uber fast gnns");
  }
}
