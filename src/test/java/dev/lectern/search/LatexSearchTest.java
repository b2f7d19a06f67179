package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.LuceneIndex;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words written in LaTeX, found as a researcher types them: genuine arXiv snapshot records (see
 * arxiv/latex-records.md) imported into a real library and index, searched by words.
 */
class LatexSearchTest {
  @TempDir static Path dataDir;
  static LuceneIndex index;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    Path records = Path.of(LatexSearchTest.class.getResource("/arxiv/latex-records.jsonl").toURI());
    new Importer(library, 100, ImportProgress.QUIET).run(new SnapshotSource(records));
    // constructed, not a real record: no genuine snapshot line with WSe$_{2}$ was found (see
    // latex-records.md)
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "9999.00001",
            "Excitons in monolayer WSe$_{2}$ (constructed)",
            "Valley excitons of WSe$_2$ and MoS$_{2}$ heterobilayers.",
            List.of("A. Author"),
            List.of("cond-mat"),
            LocalDate.of(2020, 1, 1),
            null));
    index = LuceneIndex.open(dataDir.resolve("index"), library, "test-model");
    service = new SearchService(index, null);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static List<Hit> hits(String q) {
    return service.search(SearchRequest.of(q).withMode(Mode.LEXICAL)).hits();
  }

  static List<String> ids(String q) {
    return hits(q).stream().map(Hit::id).toList();
  }

  @Test
  void anAccentedWordIsFoundSpelledPlainAccentedOrInLatex() {
    for (String q :
        List.of("Grobner", "Gröbner", "grobner basis", "Gr\\\"obner", "title:Grobner")) {
      assertThat(ids(q)).as(q).first().isEqualTo("0704.0019");
    }
    for (String q : List.of("Kollar", "Kollár", "Koll\\'ar", "title:Kollar")) {
      assertThat(ids(q)).as(q).first().isEqualTo("0704.0073");
    }
    assertThat(ids("Schrödinger")).containsExactly("0704.0082"); // Schr\"{o}dinger
    assertThat(ids("Neel")).containsExactly("0704.0114"); // N\'eel
    assertThat(ids("Djokovic")).containsExactly("0704.0010"); // Djokovi\'{c}'s
    assertThat(ids("Kahler")).containsExactly("0704.0073"); // K\"ahler
  }

  @Test
  void mathIsFoundByItsWords() {
    assertThat(ids("title:Lambda")).containsExactly("0704.0005"); // $\Lambda_{\alpha}$
    assertThat(ids("title:\"Lambda alpha\"")).containsExactly("0704.0005");
    assertThat(ids("TiSe2")).containsExactly("0704.0159"); // 1T-TiSe$_{2}$
    assertThat(ids("CeAg2Ge2")).containsExactly("0704.0119"); // CeAg$_2$Ge$_2$
    assertThat(ids("WSe2")).containsExactly("9999.00001");
    assertThat(ids("MoS2")).containsExactly("9999.00001");
  }

  @Test
  void authorNamesFromTheSnapshotAreFoundPlain() {
    assertThat(ids("author:Sramek")).containsExactly("0704.0062"); // \v{S}r\'amek
    assertThat(ids("author:\"Tomáš Vinař\"")).containsExactly("0704.0062");
    assertThat(ids("author:Obro")).containsExactly("0704.0049"); // {\O}bro
    assertThat(ids("author:Koll\\'ar"))
        .isEmpty(); // a name typed in LaTeX is decoded too: Kollár wrote none of these
    assertThat(ids("author:Fr\\'enkel OR author:Frenkel")).isEmpty();
    assertThat(ids("author:P\\'eter")).containsExactly("0704.0028");
  }

  @Test
  void highlightsMarkTheDecodedWordAndKeepTheMathWhole() {
    Hit grobner = hits("Grobner").getFirst();
    assertThat(grobner.titleHtml()).endsWith("based on the <mark>Gröbner</mark> basis");
    Hit kollar = hits("Kollar").getFirst();
    assertThat(kollar.titleHtml())
        .isEqualTo("A transcendental approach to <mark>Kollár&#x27;s</mark> injectivity theorem");
    // a match inside a formula marks the formula, which stays whole for the page to render
    Hit lambda = hits("title:Lambda").getFirst();
    assertThat(lambda.titleHtml())
        .isEqualTo(
            "From dyadic <mark>"
                + MATH
                + "$\\Lambda_{\\alpha}$</span></mark> to <mark>"
                + MATH
                + "$\\Lambda_{\\alpha}$</span></mark>");
    Hit tise2 = hits("TiSe2").getFirst();
    assertThat(tise2.titleHtml()).endsWith("1T-<mark>TiSe" + MATH + "$_{2}$</span></mark>");
    assertThat(tise2.snippetHtml()).contains("1T-<mark>TiSe" + MATH + "$_{2}$</span></mark>");
    Hit wse2 = hits("MoS2").getFirst();
    assertThat(wse2.snippetHtml())
        .isEqualTo(
            "Valley excitons of WSe"
                + MATH
                + "$_2$</span> and <mark>MoS"
                + MATH
                + "$_{2}$</span></mark> heterobilayers.");
  }

  @Test
  void papersFoundByMeaningOrBrowsedShowDecodedTextToo() {
    Hit grobner =
        service
            .search(SearchRequest.of("").withSort(SearchRequest.Sort.DATE).page(0, 20))
            .hits()
            .stream()
            .filter(h -> h.id().equals("0704.0019"))
            .findFirst()
            .orElseThrow();
    assertThat(grobner.titleHtml()).endsWith("based on the Gröbner basis");
    assertThat(grobner.snippetHtml()).contains("Gröbner").doesNotContain("\\\"");
  }

  private static final String MATH = "<span class=\"math\">";
}
