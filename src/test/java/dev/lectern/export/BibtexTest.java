package dev.lectern.export;

import static dev.lectern.testing.BibtexReader.field;
import static dev.lectern.testing.BibtexReader.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.testing.BibtexReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbibtex.BibTeXEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BibTeX of real arXiv records and of hostile text, read back by a BibTeX and LaTeX parser. */
class BibtexTest {
  static final Map<String, Paper> REAL = RealRecords.byId();

  @Test
  void everyRealRecordIsAnEntryThatParsesWithItsArxivFields() {
    String bib = Bibtex.entries(List.copyOf(REAL.values()));
    Map<String, BibTeXEntry> entries = BibtexReader.read(bib);
    assertThat(entries).hasSize(REAL.size());
    for (BibTeXEntry e : entries.values()) {
      String id = field(e, "eprint");
      Paper p = REAL.get(id);
      assertThat(p).as(id).isNotNull();
      assertThat(field(e, "archivePrefix")).isEqualTo("arXiv");
      assertThat(field(e, "primaryClass")).isEqualTo(p.primaryCategory());
      assertThat(field(e, "url")).isEqualTo("https://arxiv.org/abs/" + id);
      assertThat(field(e, "year")).isEqualTo(String.valueOf(p.submitted().getYear()));
      assertThat(e.getType().getValue()).isEqualTo(p.journalRef() == null ? "misc" : "article");
      printed(field(e, "title")); // valid LaTeX
    }
  }

  @Test
  void arxivLatexStaysLatexAndPrintsAsLetters() {
    BibTeXEntry e = only(Bibtex.entry(REAL.get("0704.0019")));
    assertThat(e.getKey().getValue()).isEqualTo("konno2007approximation");
    assertThat(e.getType().getValue()).isEqualTo("article");
    assertThat(field(e, "title"))
        .isEqualTo(
            "Approximation for extinction probability of the contact process based on the"
                + " Gr\\\"obner basis");
    assertThat(printed(field(e, "title"))).endsWith("the Gröbner basis");
    assertThat(field(e, "journal")).isEqualTo("RIMS Kokyuroku, No.1551, pp.57-62 (2007)");
    assertThat(field(e, "author")).isEqualTo("Norio Konno");

    BibTeXEntry math = only(Bibtex.entry(REAL.get("0704.0005")));
    assertThat(field(math, "title"))
        .isEqualTo("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");
    assertThat(math.getKey().getValue()).isEqualTo("abushammala2007dyadic");
    assertThat(field(math, "author")).isEqualTo("Wael Abu-Shammala and Alberto Torchinsky");
    assertThat(only(Bibtex.entry(REAL.get("0704.0073"))).getKey().getValue())
        .isEqualTo("fujino2007transcendental");
  }

  @Test
  void keysFoldAccentsAndReadMathAndHyphensAsWords() {
    assertThat(BibtexKeys.of(REAL.get("0704.0049"))).isEqualTo("obro2007algorithm"); // Øbro
    assertThat(BibtexKeys.of(REAL.get("0704.0062"))).isEqualTo("sramek2007online"); // Šrámek
    assertThat(BibtexKeys.of(REAL.get("0704.0159"))).isEqualTo("cercellier2007evidence");
    assertThat(BibtexKeys.titleWord("$\\Lambda_{\\alpha}$ norms")).isEqualTo("lambda");
    assertThat(BibtexKeys.titleWord("The")).isEqualTo("the");
    assertThat(BibtexKeys.surname(List.of())).isEqualTo("anon");
    assertThat(BibtexKeys.surname(List.of("Martin Luther King Jr."))).isEqualTo("king");
    assertThat(BibtexKeys.surname(List.of("Kurt G\\\"odel"))).isEqualTo("godel");
  }

  @Test
  void doisAndUrlsAreVerbatimNotEscaped() {
    BibTeXEntry e = only(Bibtex.entry(REAL.get("0704.0062")));
    assertThat(field(e, "doi")).isEqualTo("10.1007/978-3-540-74126-8_23");
    assertThat(field(e, "author")).isEqualTo("Rastislav Šrámek and Broňa Brejová and Tomáš Vinař");
  }

  @Test
  void theYearComesFromTheIdWhenNoDateIsKnown() {
    assertThat(BibtexKeys.year(paper("hep-th/9901001", "T", null, Set.of("x")))).isEqualTo("1999");
    assertThat(BibtexKeys.year(paper("2404.15574", "T", null, Set.of("x")))).isEqualTo("2024");
    assertThat(BibtexKeys.year(paper("t-abc", "T", null, Set.of("x")))).isEmpty();
  }

  /** Braces that close nothing or are never closed, a backslash, a percent sign and markup. */
  static final String HOSTILE =
      "}{ 100% C:\\2024 <script>alert(1)</script> & R&D #1 a_b x^2 {unclosed \\{ $5 \\";

  @ParameterizedTest
  @ValueSource(strings = {"arxiv-snapshot", "hf-page"})
  void hostileTextParsesBackWithBalancedBracesFromEitherKindOfSource(String source) {
    Paper p =
        new Paper(
            "2403.09999",
            HOSTILE,
            HOSTILE,
            List.of("<i>Eve</i> {Mallory", "ATLAS and CMS Collaborations", "A, B"),
            List.of("cs.CR"),
            LocalDate.of(2024, 3, 13),
            null,
            1,
            "10.1000/{x} y\\z",
            HOSTILE,
            null,
            null,
            null,
            Set.of(source));
    BibTeXEntry e = only(Bibtex.entry(p));
    String title = printed(field(e, "title"));
    assertThat(title)
        .contains("100%", "C:\\2024", "<script>alert(1)</script>", "R&D", "#1", "unclosed");
    assertThat(printed(field(e, "journal"))).contains("100%", "<script>");
    assertThat(field(e, "doi")).isEqualTo("10.1000/%7Bx%7D%20y%5Cz");
    assertThat(field(e, "author"))
        .isEqualTo("<i>Eve</i> Mallory and {ATLAS and CMS Collaborations} and {A, B}");
  }

  @Test
  void aReadersNoteIsAnAnnoteInPlainTextWithItsSpecialsEscaped() {
    String note = "Read \"section 3\", then 50% of R&D_2 {x}\nsecond line\r\nthird \\cite{x}";
    Paper arxiv = REAL.get("0704.0019");
    Paper other = REAL.get("0704.0005");
    Map<String, BibTeXEntry> entries =
        BibtexReader.read(Bibtex.entries(List.of(arxiv, other), Map.of(arxiv.id(), note)));
    BibTeXEntry noted = entries.get("konno2007approximation");
    assertThat(field(noted, "note")).isNull();
    assertThat(field(noted, "annote")).doesNotContain("\n");
    assertThat(printed(field(noted, "annote")))
        .isEqualTo("Read \"section 3\", then 50% of R&D_2 {x} second line third \\cite{x}");
    assertThat(field(entries.get("abushammala2007dyadic"), "annote")).isNull();
    assertThat(Bibtex.entries(List.of(arxiv), Map.of(arxiv.id(), " \n "))).doesNotContain("annote");
  }

  @Test
  void plainTextHasEverySpecialCharacterEscaped() {
    assertThat(BibtexText.plain("R&D 50% #1 a_b $5 x^2 ~ {a} \\"))
        .isEqualTo(
            "R\\&D 50\\% \\#1 a\\_b \\$5 x\\^{}2 \\textasciitilde{} \\textbraceleft{}a"
                + "\\textbraceright{} \\textbackslash{}");
  }

  @Test
  void latexKeepsMarkupAndMathButEscapesWhatLatexWouldMisread() {
    assertThat(BibtexText.latex("Gr\\\"obner 5% R&D #1 snake_case"))
        .isEqualTo("Gr\\\"obner 5\\% R\\&D \\#1 snake\\_case");
    assertThat(BibtexText.latex("WSe$_{2}$ and $x^2$ and $$a_b$$"))
        .isEqualTo("WSe$_{2}$ and $x^2$ and $$a_b$$");
    assertThat(BibtexText.latex("costs $5")).isEqualTo("costs \\$5");
    assertThat(BibtexText.latex("a } b { c"))
        .isEqualTo("a \\textbraceright{} b \\textbraceleft{} c");
    assertThat(BibtexText.latex("$\\{x$ and {\\bf $y$}")).isEqualTo("$\\lbrace{}x$ and {\\bf $y$}");
    assertThat(BibtexText.latex("\\(a_1\\) and \\[b\\]")).isEqualTo("\\(a_1\\) and \\[b\\]");
    assertThat(BibtexText.latex("ends with \\")).isEqualTo("ends with \\textbackslash{}");
    assertThat(BibtexText.latex("et al.\\ and \\\\ C:\\2024"))
        .isEqualTo("et al.\\ and \\\\ C:\\textbackslash{}2024");
    assertThat(BibtexText.latex("two\n  lines")).isEqualTo("two lines");
  }

  @Test
  void keysAreUniqueInAFileAndTheSameWhateverItsOrder() {
    List<Paper> same = new ArrayList<>();
    for (String id : List.of("2401.00003", "2401.00001", "2401.00002"))
      same.add(
          new Paper(
              id,
              "Attention is all",
              "",
              List.of("Ada Lovelace"),
              List.of("cs.LG"),
              LocalDate.of(2024, 1, 2),
              null,
              1,
              null,
              null,
              null,
              null,
              null,
              Set.of("arxiv-snapshot")));
    Map<String, String> keys = BibtexKeys.unique(same);
    assertThat(keys)
        .containsEntry("2401.00001", "lovelace2024attention")
        .containsEntry("2401.00002", "lovelace2024attentionb")
        .containsEntry("2401.00003", "lovelace2024attentionc");
    Collections.reverse(same);
    assertThat(BibtexKeys.unique(same)).isEqualTo(keys);
    assertThat(BibtexReader.read(Bibtex.entries(same)).keySet())
        .containsExactly(
            "lovelace2024attentionb", "lovelace2024attention", "lovelace2024attentionc");
    assertThat(BibtexKeys.letters(2)).isEqualTo("b");
    assertThat(BibtexKeys.letters(27)).isEqualTo("aa");
  }

  private static BibTeXEntry only(String bib) {
    Map<String, BibTeXEntry> entries = BibtexReader.read(bib);
    assertThat(entries).hasSize(1);
    return entries.values().iterator().next();
  }

  private static Paper paper(String id, String title, LocalDate submitted, Set<String> sources) {
    return new Paper(
        id, title, "", List.of(), List.of(), submitted, null, 0, null, null, null, null, null,
        sources);
  }
}
