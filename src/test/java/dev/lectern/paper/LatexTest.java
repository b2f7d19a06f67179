package dev.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexTest {
  /**
   * Input | what a reader sees. Inputs are as in arXiv's metadata (a backslash is one backslash
   * here).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      textBlock =
          """
      plain text, nothing to do                 | plain text, nothing to do
      Gr\\"obner basis                          | Gröbner basis
      Koll\\'ar's injectivity theorem           | Kollár's injectivity theorem
      Schr\\"{o}dinger                          | Schrödinger
      Schr{\\"o}dinger                          | Schrödinger
      Schr{\\"{o}}dinger                        | Schrödinger
      N\\'eel order                             | Néel order
      R\\'enyi entropy                          | Rényi entropy
      Moir\\'{e} superlattices                  | Moiré superlattices
      Stra{\\ss}e and Stra\\ss e                 | Straße and Straße
      Mikkel {\\O}bro and S{\\o}rensen          | Mikkel Øbro and Sørensen
      Bj\\o rn                                  | Bjørn
      Fran\\c{c}ois and Fran\\c cois            | François and François
      \\AA ngstr\\"om and {\\aa}                 | Ångström and å
      \\L ukasz and Wroc{\\l}aw                  | Łukasz and Wrocław
      \\v{S}r\\'amek, Bro\\v{n}a, Vina\\v{r}      | Šrámek, Broňa, Vinař
      Espa\\~na and Espa\\~{n}a                  | España and España
      h\\^otel                                  | hôtel
      \\=a and \\.z and \\u{g}                    | ā and ż and ğ
      Erd\\H{o}s                                | Erdős
      na\\"{\\i}ve and na\\"\\i ve and \\'\\i     | naïve and naïve and í
      {\\AE}sop, {\\oe}uvre                      | Æsop, œuvre
      Theory \\& Practice, 50\\% off, \\$5, \\#1  | Theory & Practice, 50% off, $5, #1
      pages 10--20 --- or not                   | pages 10–20 — or not
      Gr\\"obner~bases                          | Gröbner bases
      ``quoted''                                | “quoted”
      The {RSA} Cryptosystem                    | The RSA Cryptosystem
      \\emph{Ab initio} and {\\em ab} {\\bf initio} | Ab initio and ab initio
      1\\textit{T}-TiSe$_{2}$                    | 1T-TiSe$_{2}$
      From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$ | From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$
      $\\ddot{o}$ stays math, \\"o does not       | $\\ddot{o}$ stays math, ö does not
      $$x^2$$ and \\(y\\) and $z$                 | $$x^2$$ and \\(y\\) and $z$
      as in \\cite{ab} and \\ref{fig}            | as in \\cite{ab} and \\ref{fig}
      \\LaTeX\\ and \\ldots                        | LaTeX and …
      \\textquotedblleft x\\textquotedblright{} and \\textquoteleft y\\textquoteright | “x” and ‘y’
      ranges 351--358 and 1\\textendash{}2     | ranges 351–358 and 1–2
      {\\it ab} {\\sc Cd} \\textbf{ef} \\textsc{gh} | ab Cd ef gh
      costs \\$5 or \\$6, not math             | costs $5 or $6, not math
      """)
  void decodesForAReader(String latex, String unicode) {
    assertThat(Latex.toUnicode(latex)).isEqualTo(unicode);
  }

  /** Input | the text indexed for it (spaces squeezed): math becomes the words typed for it. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      textBlock =
          """
      From dyadic $\\Lambda_{\\alpha}$ to       | From dyadic Lambda alpha to
      WSe$_{2}$ monolayers                     | WSe2 monolayers
      WSe$_2$ and MoS$_2$                      | WSe2 and MoS2
      H$_2$O and CO$_2$ and CeAg$_2$Ge$_2$     | H2O and CO2 and CeAg2Ge2
      $\\mathrm{MoS}_2$ flakes                  | MoS2 flakes
      1\\textit{T}-TiSe$_{2}$                   | 1T-TiSe2
      $T_c$ and $T_{\\rm N}$                    | Tc and T N
      $\\alpha_s$ and $\\alpha\\beta$            | alpha s and alpha beta
      $10^{12}$ photons                        | 10 12 photons
      $(k,\\ell)$-pebble                        | (k,ell) -pebble
      Gr\\"obner and Moir\\'{e}                  | Gröbner and Moiré
      Schr{\\"o}dinger and M{\\"u}ller           | Schrödinger and Müller
      \\emph{graph} neural                      | graph neural
      as in \\cite{ab}                          | as in cite ab
      """)
  void decodesForSearch(String latex, String indexed) {
    assertThat(Latex.forSearch(latex).replaceAll(" +", " ").strip()).isEqualTo(indexed);
  }

  /**
   * Input | the same with only accents and special letters decoded (for queries, whose syntax the
   * rest is).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      textBlock =
          """
      Gr\\"obner basis                          | Gröbner basis
      "Koll\\'ar's theorem"~3                   | "Kollár's theorem"~3
      Schr{\\"o}dinger {a TO b}                 | Schrödinger {a TO b}
      Bj\\o rn and $\\alpha$ and WSe$_{2}$       | Bjørn and $\\alpha$ and WSe$_{2}$
      a \\"                                     | a \\"
      """)
  void decodesOnlyLettersInAQuery(String latex, String decoded) {
    assertThat(Latex.decodeLetters(latex)).isEqualTo(decoded);
  }

  /** Malformed LaTeX: nothing throws, and every character that is not markup is still there. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      textBlock =
          """
      costs $5 and more                        | costs $5 and more
      an accent on nothing \\"                  | an accent on nothing \\"
      an accent on a space \\' e                | an accent on a space \\' e
      an empty accent \\'{} here                | an empty accent \\' here
      a brace {never closed                    | a brace never closed
      a brace never opened}                    | a brace never opened}
      \\v{} and \\c{xy}                          | \\v{} and \\c{xy}
      $$unclosed display math                  | $$unclosed display math
      \\(unclosed                               | \\(unclosed
      a trailing backslash \\                   | a trailing backslash \\
      \\unknown{arg} and \\foo                   | \\unknown{arg} and \\foo
      \\cite{unclosed                           | \\citeunclosed
      {\\"o                                     | ö
      """)
  void malformedLatexLosesNoText(String latex, String unicode) {
    assertThat(Latex.toUnicode(latex)).isEqualTo(unicode);
  }

  @Test
  void malformedLatexNeverThrowsForSearchEither() {
    String[] odd = {
      "\\",
      "$",
      "$$",
      "{",
      "}",
      "\\\"",
      "\\v",
      "\\c{",
      "$_",
      "$_{",
      "$_{2",
      "x$_{2}",
      "$\\",
      "\\(",
      "$x_$",
      "$x_{}$",
      "{\\",
      "{\\\"}",
      "\\'{\\i",
      "$\\mathrm{$",
      "_2$",
      "}$_2$",
      "",
      "~",
      "\\\\"
    };
    for (String s : odd) {
      assertThat(Latex.forSearch(s)).as(s).isNotNull();
      assertThat(Latex.toUnicode(s)).as(s).isNotNull();
      assertThat(Latex.decodeLetters(s)).as(s).isNotNull();
      char[] in = s.toCharArray();
      Latex.Decoded d = Latex.forSearch(in, in.length);
      for (int i = 0; i <= d.length(); i++) {
        assertThat(d.sourceOffset(i)).as(s + " @" + i).isBetween(0, in.length);
        if (i > 0)
          assertThat(d.sourceOffset(i))
              .as(s + " @" + i)
              .isGreaterThanOrEqualTo(d.sourceOffset(i - 1));
      }
    }
  }

  @Test
  void textWithoutMarkupIsReturnedAsItIs() {
    String plain = "A fully differential calculation in perturbative QCD - at NLO, with 99% of it.";
    assertThat(Latex.mayHoldMarkup(plain)).isFalse();
    assertThat(Latex.toUnicode(plain)).isSameAs(plain);
    assertThat(Latex.forSearch(plain)).isSameAs(plain);
    assertThat(Latex.toUnicode(null)).isNull();
  }

  @Test
  void aReadersTextKnowsWhereEachLetterCameFromAndWhereTheMathIs() {
    // the title of arXiv 0704.0159, with the abstract's 1\\textit{T} and an accent added
    String raw =
        "Evidence for an excitonic insulator phase in 1\\textit{T}-TiSe$_{2}$ (Gr\\\"obner)";
    DisplayText d = Latex.display(raw);
    assertThat(d.text()).isEqualTo(Latex.toUnicode(raw));
    assertThat(d.text()).endsWith("1T-TiSe$_{2}$ (Gröbner)");
    assertThat(d.formulas()).isEqualTo(1);
    assertThat(d.text().substring(d.formulaStart(0), d.formulaEnd(0))).isEqualTo("$_{2}$");
    int o = d.text().indexOf('ö');
    assertThat(raw.substring(d.from()[o], d.to()[o])).isEqualTo("\\\"o");
    // the raw span of a word maps onto its decoded letters
    int g = raw.indexOf("Gr\\");
    int gEnd = raw.indexOf("bner") + 4;
    assertThat(d.text().substring(d.startOf(g), d.endOf(gEnd))).isEqualTo("Gröbner");
    int t = raw.indexOf("\\textit");
    assertThat(d.text().substring(d.startOf(t), d.endOf(t + "\\textit{T}".length())))
        .isEqualTo("T");
    // a point inside a formula moves out of it, either way
    int inside = d.formulaStart(0) + 2;
    assertThat(d.startOutsideMath(inside)).isEqualTo(d.formulaStart(0));
    assertThat(d.endOutsideMath(inside)).isEqualTo(d.formulaEnd(0));
    assertThat(d.startOutsideMath(d.formulaEnd(0))).isEqualTo(d.formulaEnd(0));
  }

  @Test
  void aReadersTextWithoutMarkupMapsOneToOne() {
    DisplayText d = Latex.display("plain, 99% of it");
    assertThat(d.text()).isEqualTo("plain, 99% of it");
    assertThat(d.formulas()).isZero();
    assertThat(d.startOf(3)).isEqualTo(3);
    assertThat(d.endOf(5)).isEqualTo(5);
    assertThat(Latex.display(null)).isNull();
  }

  @Test
  void aReadersTextOfMalformedLatexIsWellFormed() {
    for (String s :
        new String[] {"$", "$$x", "\\(", "{\\\"}", "$x$$y$", "\\$x$", "a $b", "$$x$$ $"}) {
      DisplayText d = Latex.display(s);
      assertThat(d.text()).as(s).isEqualTo(Latex.toUnicode(s));
      assertThat(d.from()).as(s).hasSize(d.length()).isSorted();
      assertThat(d.to()).as(s).hasSize(d.length()).isSorted();
      for (int k = 0; k < d.formulas(); k++) {
        assertThat(d.formulaStart(k)).as(s).isLessThan(d.formulaEnd(k));
        if (k > 0) assertThat(d.formulaStart(k)).as(s).isGreaterThanOrEqualTo(d.formulaEnd(k - 1));
      }
    }
    assertThat(Latex.display("\\$x$").formulas()).as("an escaped dollar opens no math").isZero();
  }

  @Test
  void offsetsPointIntoTheRawText() {
    String raw = "the Gr\\\"obner basis of WSe$_{2}$ and $\\alpha$.";
    char[] in = raw.toCharArray();
    Latex.Decoded d = Latex.forSearch(in, in.length);
    String text = new String(d.text(), 0, d.length());
    assertThat(raw(raw, d, text, "Gröbner")).isEqualTo("Gr\\\"obner");
    assertThat(raw(raw, d, text, "WSe2")).isEqualTo("WSe$_{2}$");
    assertThat(raw(raw, d, text, "alpha")).isEqualTo("\\alpha");
  }

  private static String raw(String raw, Latex.Decoded d, String text, String word) {
    int at = text.indexOf(word);
    assertThat(at).as(word + " in " + text).isNotNegative();
    return raw.substring(d.sourceOffset(at), d.sourceOffset(at + word.length()));
  }
}
