package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A paper's raw text as a page shows it: decoded, escaped, its math in spans, its opening cut. */
class HitTextTest {
  private static final String MATH = DisplayHtml.MATH_OPEN;

  @Test
  void textIsDecodedEscapedAndItsMathPutInSpans() {
    assertThat(HitText.html("Gr\\\"obner & $x<y$ for 5\\% --- or \\$5"))
        .isEqualTo("Gröbner &amp; " + MATH + "$x&lt;y$</span> for 5% — or $5");
    assertThat(HitText.html(null)).isEmpty();
  }

  @Test
  void anOpeningIsCutAtAWordOfTheDecodedTextAndNeverInsideAFormula() {
    // 0704.0005's abstract: "In this paper we show how to compute the $\Lambda_{\alpha}$ norm, ..."
    String raw =
        "In this paper we show how to compute the $\\Lambda_{\\alpha}$ norm, $\\alpha\\ge 0$.";
    // the last space before 32 decoded characters is inside a formula: the opening ends before it
    assertThat(HitText.openingHtml("Words before the formula $x + y + z$ and after it.", 32))
        .isEqualTo("Words before the formula …");
    assertThat(HitText.openingHtml(raw, 65))
        .isEqualTo(
            "In this paper we show how to compute the "
                + MATH
                + "$\\Lambda_{\\alpha}$</span> norm, …");
    // cut by the decoded length: the accent's markup does not count
    assertThat(HitText.openingHtml("Gr\\\"obner bases of ideals", 20))
        .isEqualTo("Gröbner bases of …");
    assertThat(HitText.openingHtml(raw, 500)).doesNotContain("…").endsWith("</span>.");
  }

  @Test
  void aFormulaThatFillsTheOpeningIsKeptWhole() {
    String raw = "$" + "x+".repeat(100) + "y$ and then words";
    assertThat(HitText.openingHtml(raw, 40))
        .isEqualTo(MATH + "$" + "x+".repeat(100) + "y$</span> …");
  }

  @Test
  void anAbstractIsItsOpeningAndAllOfItWhenTheOpeningWasCut() {
    String raw = "Gr\\\"obner bases of ideals, and $x<y$ after them.";
    HitText.Abstract cut = HitText.abstractHtml(raw, 20);
    assertThat(cut.openingHtml()).isEqualTo("Gröbner bases of …");
    assertThat(cut.fullHtml()).isEqualTo(HitText.html(raw)).contains(MATH + "$x&lt;y$</span>");
    HitText.Abstract whole = HitText.abstractHtml(raw, 500);
    assertThat(whole.openingHtml()).isEqualTo(HitText.html(raw));
    assertThat(whole.fullHtml()).as("nothing more to show").isNull();
    assertThat(HitText.abstractHtml(null, 20)).isEqualTo(new HitText.Abstract("", null));
  }
}
