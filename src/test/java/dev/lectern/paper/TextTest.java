package dev.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  /** Letters NFKD leaves whole fold as the search analyzers fold them, whichever their case. */
  @Test
  void titleKeyFoldsLettersThatAreNotABaseLetterPlusAnAccent() {
    assertThat(Text.titleKey("Søren and ØRSTED")).isEqualTo("soren and orsted");
    assertThat(Text.titleKey("Łukasz in łódź")).isEqualTo("lukasz in lodz");
    assertThat(Text.titleKey("Straße, STRAẞE")).isEqualTo("strasse strasse");
    assertThat(Text.titleKey("Æsir encyclopædia")).isEqualTo("aesir encyclopaedia");
    assertThat(Text.titleKey("Œuvres, cœur")).isEqualTo("oeuvres coeur");
    assertThat(Text.titleKey("Đorđe Đ")).isEqualTo("dorde d");
    assertThat(Text.titleKey("Ðað, Þórr")).isEqualTo("dad thorr");
    assertThat(Text.titleKey("Kırşehir")).isEqualTo("kirsehir");
    assertThat(Text.titleKey("Ħamrun ħ")).isEqualTo("hamrun h");
    assertThat(Text.titleKey("Bj{\\o}rn and Stra{\\ss}e by \\L{}ukasz"))
        .isEqualTo(Text.titleKey("Bjørn and Straße by Łukasz"))
        .isEqualTo("bjorn and strasse by lukasz");
  }

  /** Scripts without an ASCII spelling keep their letters: such a title still has a key. */
  @Test
  void titleKeyKeepsNonLatinScripts() {
    assertThat(Text.titleKey("Η θεωρία των αριθμών, Άλγεβρα"))
        .isEqualTo("η θεωρια των αριθμων αλγεβρα");
    assertThat(Text.titleKey("深度学习的研究：综述")).isEqualTo("深度学习的研究 综述");
    assertThat(Text.titleKey("日本語のタイトル")).isEqualTo("日本語のタイトル");
    assertThat(Text.titleKey("Обзор: Ёлка")).isEqualTo("обзор елка");
    assertThat(Text.titleKey("Ø-Søren and 深度学习")).isEqualTo("o soren and 深度学习");
  }

  @Test
  void arxivLatexAndTheDecodedTitleOfOtherSourcesHaveOneKey() {
    String key = "on the complexity of computing grobner bases for weighted homogeneous systems";
    assertThat(
            List.of(
                "On the Complexity of Computing Gr\\\"obner Bases for Weighted Homogeneous Systems",
                "On the Complexity of Computing Gr{\\\"o}bner Bases for Weighted Homogeneous Systems",
                "On the Complexity of Computing Gr\\\"{o}bner Bases for Weighted Homogeneous Systems",
                "On the Complexity of Computing Gröbner Bases for Weighted Homogeneous Systems",
                "On the Complexity of Computing Grobner Bases for Weighted Homogeneous Systems"))
        .allSatisfy(t -> assertThat(Text.titleKey(t)).isEqualTo(key));
    assertThat(Text.titleKey("On a problem of Erd\\H{o}s and Tur\\'an"))
        .isEqualTo(Text.titleKey("On a Problem of Erdős and Turán"))
        .isEqualTo("on a problem of erdos and turan");
    assertThat(Text.titleKey("\\emph{Ab initio} molecular dynamics of Na\\\"{\\i}ve water"))
        .isEqualTo(Text.titleKey("Ab initio molecular dynamics of naïve water"))
        .isEqualTo("ab initio molecular dynamics of naive water");
    assertThat(Text.titleKey("Q\\&A with 50\\% fewer tokens for \\$100"))
        .isEqualTo(Text.titleKey("Q&A with 50% fewer tokens for $100"))
        .isEqualTo("q a with 50 fewer tokens for 100");
  }

  @Test
  void mathStaysAsWrittenInTheKey() {
    assertThat(
            Text.titleKey(
                "$\\pi_0$: A Vision-Language-Action Flow Model for General Robot Control"))
        .isEqualTo("pi 0 a vision language action flow model for general robot control");
    assertThat(Text.titleKey("Cosmological constraints on $\\Lambda$CDM -- the $H_0$ tension"))
        .isEqualTo("cosmological constraints on lambda cdm the h 0 tension");
  }

  /** Titles with LaTeX's special characters used as plain text keep the key they always had. */
  @Test
  void plainTitlesWithLatexSpecialCharactersKeepTheirWords() {
    assertThat(Text.titleKey("50% fewer tokens")).isEqualTo("50 fewer tokens");
    assertThat(Text.titleKey("C++ & Rust")).isEqualTo("c rust");
    assertThat(Text.titleKey("A $100 model?")).isEqualTo("a 100 model");
    assertThat(Text.titleKey("A $100 model that beats a $5 one"))
        .isEqualTo("a 100 model that beats a 5 one");
    assertThat(
            Text.titleKey(
                "$100K or 100 Days: Trade-offs when Pre-Training with Academic Resources"))
        .isEqualTo("100k or 100 days trade offs when pre training with academic resources");
    assertThat(Text.titleKey("snake_case names and ~1% of the data, x^2"))
        .isEqualTo("snake case names and 1 of the data x 2");
    assertThat(Text.titleKey("C:\\Users\\data and a back\\slash"))
        .isEqualTo("c users data and a back slash");
    assertThat(Text.titleKey("{Braces} and }unbalanced{ ones"))
        .isEqualTo("braces and unbalanced ones");
    assertThat(Text.titleKey("MM1: Methods, Analysis & Insights from Multimodal LLM Pre-training"))
        .isEqualTo("mm1 methods analysis insights from multimodal llm pre training");
  }
}
