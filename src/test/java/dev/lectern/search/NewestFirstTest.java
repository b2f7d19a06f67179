package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.LuceneIndex;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.paper.Paper;
import dev.lectern.search.SearchResult.FacetCount;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An author's and a category's papers, newest first, over genuine arXiv records (names written in
 * LaTeX in the snapshot) and made-up papers spread over days.
 */
class NewestFirstTest {
  @TempDir static Path dataDir;
  static LuceneIndex index;
  static SearchService service;

  @BeforeAll
  static void build() throws Exception {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    Path records = Path.of(NewestFirstTest.class.getResource("/arxiv/latex-records.jsonl").toURI());
    new Importer(library, 100, ImportProgress.QUIET).run(new SnapshotSource(records));
    List<Paper> more = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      more.add(
          TestLibrary.paper(
              String.format("2403.%05d", i),
              "Paper " + i,
              "About " + i,
              // every fifth by a name stored as LaTeX, the way a snapshot's author string gives it
              List.of(i % 5 == 0 ? "Jana Fa\\v{c}nka" : "Ada Lovelace", "Bo Chen"),
              List.of(i % 2 == 0 ? "cs.LG" : "cs.CL", "stat.ML"),
              LocalDate.of(2024, 3, 1).plusDays(i),
              null));
    }
    more.add(
        TestLibrary.paper(
            "t-0000000000000001",
            "Undated by Ada",
            "A saved page gives no date.",
            List.of("Ada Lovelace"),
            List.of(),
            null,
            3));
    TestLibrary.write(library, more.toArray(Paper[]::new));
    index = LuceneIndex.open(dataDir.resolve("index"), library, "test-model");
    service = new SearchService(index, null);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static Filters author(String name) {
    return new Filters(Set.of(), null, null, name);
  }

  private static Filters category(String cat) {
    return new Filters(Set.of(cat), null, null, null);
  }

  @Test
  void anAuthorsPapersComeNewestFirstAndThoseWithoutADateLast() {
    SearchResult r = service.newest(author("Ada Lovelace"), 0, 100);
    assertThat(r.totalHits()).isEqualTo(21);
    assertThat(r.totalIsExact()).isTrue();
    assertThat(ids(r)).startsWith("2403.00024", "2403.00023", "2403.00022", "2403.00021");
    assertThat(ids(r).getLast()).isEqualTo("t-0000000000000001");
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.authors()).contains("Ada Lovelace"));
  }

  @Test
  void aNameMatchesAsTheAuthorFilterDoesWhateverItsLatexOrAccents() {
    for (String name : List.of("Jana Fačnka", "Jana Facnka", "Jana Fa\\v{c}nka", "facnka")) {
      assertThat(ids(service.newest(author(name), 0, 10)))
          .as(name)
          .containsExactly("2403.00025", "2403.00020", "2403.00015", "2403.00010", "2403.00005");
    }
    // a genuine record: Rastislav \v{S}r\'amek, stored decoded
    assertThat(ids(service.newest(author("Rastislav Šrámek"), 0, 10))).containsExactly("0704.0062");
    assertThat(ids(service.newest(author("Rastislav Sramek"), 0, 10))).containsExactly("0704.0062");
    assertThat(service.newest(author("Nobody Here"), 0, 10).totalHits()).isZero();
    assertThat(service.newest(author("<script>/..%2F"), 0, 10).totalHits()).isZero();
  }

  @Test
  void aCategoryListsItsCrossListedPapersAndAnArchiveAllOfItsCategories() {
    SearchResult ml = service.newest(category("stat.ML"), 0, 10);
    assertThat(ml.totalHits()).isEqualTo(25);
    assertThat(ids(ml)).first().isEqualTo("2403.00025");
    assertThat(ml.facets().get("category"))
        .contains(
            new FacetCount("stat.ML", 25),
            new FacetCount("cs.CL", 13),
            new FacetCount("cs.LG", 12));
    SearchResult cs = service.newest(category("cs"), 0, 10);
    assertThat(cs.totalHits()).isEqualTo(26); // 25 made-up papers and 0704.0062 (cs.DS)
    assertThat(service.newest(category("cs.LG"), 0, 100).hits())
        .hasSize(12)
        .allSatisfy(h -> assertThat(h.categories()).contains("cs.LG"));
  }

  @Test
  void pagesFollowOneAnotherAndTheDeepestIsBounded() {
    List<String> all = ids(service.newest(category("stat.ML"), 0, 25));
    List<String> pages = new ArrayList<>();
    for (int offset = 0; offset < 25; offset += 10)
      pages.addAll(ids(service.newest(category("stat.ML"), offset, 10)));
    assertThat(pages).isEqualTo(all);
    assertThat(service.newest(category("stat.ML"), 30, 10).hits()).isEmpty();
    assertThat(service.newest(category("stat.ML"), 30, 10).totalHits()).isEqualTo(25);
    assertThat(service.newest(category("stat.ML"), Integer.MAX_VALUE, 10).hits()).isEmpty();
  }
}
