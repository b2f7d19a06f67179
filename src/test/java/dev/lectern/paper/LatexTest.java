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
