package dev.lectern.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** The tokens the index gets from LaTeX, and where in the raw text each one is. */
class PaperAnalyzersTest {
  static List<String> tokens(Analyzer a, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  /** Each token with the raw text its offsets span, "term=raw". */
  static List<String> spans(Analyzer a, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken())
        out.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
      ts.end();
    }
    return out;
  }

  final Analyzer english = PaperAnalyzers.english();
  final Analyzer names = PaperAnalyzers.names();

  @Test
  void accentsAreDecodedThenFoldedSoBothSpellingsMatch() throws IOException {
    assertThat(tokens(english, "title", "the Gr\\\"obner basis"))
        .containsExactly("grobner", "basis");
    assertThat(tokens(english, "title", "Gröbner")).containsExactly("grobner");
    assertThat(tokens(english, "title", "Grobner")).containsExactly("grobner");
    assertThat(tokens(english, "title", "Koll\\'ar's theorem"))
        .containsExactly("kollar", "theorem");
    assertThat(tokens(english, "title", "Schr\\\"{o}dinger and Schr{\\\"o}dinger"))
        .containsExactly("schrodinger", "schrodinger");
    assertThat(tokens(english, "title", "N\\'eel and R\\'enyi and Moir\\'{e}"))
        .containsExactly("neel", "renyi", "moire");
    assertThat(
            tokens(
                english,
                "title",
                "Stra{\\ss}e, {\\O}bro, Wroc\\l aw, Fran\\c{c}ois, Erd\\H{o}s, Espa\\~na"))
        .containsExactly(
            "strasse", "obro", "wroclaw", "francoi", "erdo", "espana"); // stemmed, as "Francois" is
  }

  @Test
  void mathIsIndexedAsTheWordsTypedForIt() throws IOException {
    assertThat(tokens(english, "title", "From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$"))
        .containsExactly("from", "dyadic", "lambda", "alpha", "lambda", "alpha");
    assertThat(tokens(english, "title", "WSe$_{2}$, MoS$_2$, H$_2$O and $\\mathrm{MoS}_2$"))
        .containsExactly("wse2", "mos2", "h2o", "mos2");
    assertThat(tokens(english, "title", "Quasi-quartet ground state in CeAg$_2$Ge$_2$"))
        .containsExactly("quasi", "quartet", "ground", "state", "ceag2ge2");
    assertThat(tokens(english, "abstract", "1\\textit{T}-TiSe$_{2}$"))
        .containsExactly("1t", "tise2");
  }

  @Test
  void offsetsSpanTheRawTextOfEachDecodedWord() throws IOException {
    assertThat(
            spans(
                english, "title", "the Gr\\\"obner basis of WSe$_{2}$ for $\\alpha$ and {\\O}bro"))
        .containsExactly(
            "grobner=Gr\\\"obner",
            "basis=basis",
            "wse2=WSe$_{2}$",
            "alpha=\\alpha",
            "obro={\\O}bro");
  }

  @Test
  void authorNamesAreDecodedToo() throws IOException {
    assertThat(tokens(names, "authors", "Rastislav \\v{S}r\\'amek"))
        .containsExactly("rastislav", "sramek");
    assertThat(tokens(names, "authors", "Rastislav Šrámek")).containsExactly("rastislav", "sramek");
  }

  @Test
  void plainTextIsAnalysedAsBefore() throws IOException {
    assertThat(
            spans(english, "abstract", "Graph neural networks, e.g. GNNs; state-of-the-art 99%."))
        .containsExactly(
            "graph=Graph",
            "neural=neural",
            "network=networks",
            "e.g=e.g",
            "gnn=GNNs",
            "state=state",
            "art=art",
            "99=99");
  }
}
