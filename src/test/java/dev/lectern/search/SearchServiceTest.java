package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.embed.Embedder;
import dev.lectern.index.LuceneIndex;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchResult.FacetCount;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lexical search, filters, sorting, facets and snippets over a small hand-made library; no
 * embedder.
 */
class SearchServiceTest {
  @TempDir static Path dataDir;
  static LuceneIndex index;
  static SearchService service;

  @BeforeAll
  static void build() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "2401.00001",
            "Graph Transformers for Molecules",
            "We study attention over molecular graphs.",
            List.of("Ada Lovelace", "Charles Babbage"),
            List.of("cs.LG", "q-bio.BM"),
            LocalDate.of(2024, 1, 2),
            12),
        TestLibrary.paper(
            "2401.00002",
            "Message Passing Networks Revisited",
            "Unlike graph transformers, message passing networks aggregate neighbours; we compare both on molecules.",
            List.of("Grace Hopper"),
            List.of("cs.LG"),
            LocalDate.of(2023, 5, 6),
            40),
        TestLibrary.paper(
            "0704.0001",
            "Calculation of prompt diphoton production cross sections",
            "A fully differential calculation in perturbative quantum chromodynamics.",
            List.of("C. Balázs", "E. L. Berger"),
            List.of("hep-ph"),
            LocalDate.of(2007, 4, 2),
            null),
        TestLibrary.paper(
            "2402.00003",
            "Heads of attention retrieve facts",
            "Retrieval heads in long-context models; attention is sparse and heads specialise.",
            List.of("Wenhao Wu"),
            List.of("cs.CL"),
            LocalDate.of(2024, 2, 10),
            3),
        TestLibrary.paper(
            "2402.00004",
            "Attention Heads and Factual Recall",
            "We find attention heads that copy facts from the context.",
            List.of("Ada Byron King"),
            List.of("cs.CL", "cs.LG"),
            LocalDate.of(2024, 2, 11),
            null),
        TestLibrary.paper(
            "t-0123456789abcdef",
            "An undated survey of $\\alpha$-divergences",
            "A survey of \\emph{alpha} divergences; <b>not</b> HTML.",
            List.of(),
            List.of(),
            null,
            null));
    index = LuceneIndex.open(dataDir.resolve("index"), library, "test-model");
    service = new SearchService(index, null);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static SearchResult lexical(String q) {
    return service.search(SearchRequest.of(q).withMode(Mode.LEXICAL));
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void aTitleMatchOutranksTheSameWordsInAnAbstract() {
    assertThat(ids(lexical("graph transformers"))).startsWith("2401.00001", "2401.00002");
  }

  @Test
  void aPhraseMatchesOnlyTheWordsTogether() {
    assertThat(ids(lexical("\"attention heads\""))).containsExactly("2402.00004");
    assertThat(ids(lexical("attention heads"))).contains("2402.00003", "2402.00004");
  }

  @Test
  void authorFilterFoldsAccentsAndKeepsNamesApart() {
    assertThat(ids(lexical("author:balazs"))).containsExactly("0704.0001");
    assertThat(ids(lexical("author:Balázs calculation"))).containsExactly("0704.0001");
    assertThat(ids(lexical("author:\"Ada Lovelace\""))).containsExactly("2401.00001");
    assertThat(ids(lexical("author:\"Ada Babbage\"")))
        .as("two authors' names are not one name")
        .isEmpty();
    assertThat(ids(lexical("author:ada"))).containsExactlyInAnyOrder("2401.00001", "2402.00004");
  }

  @Test
  void categoryFiltersMatchExactlyOrByArchive() {
    assertThat(ids(lexical("attention cat:cs.LG")))
        .containsExactlyInAnyOrder("2401.00001", "2402.00004");
    assertThat(ids(lexical("cat:cs"))).hasSize(4);
    assertThat(ids(lexical("cat:cs.CL cat:hep-ph"))).hasSize(3);
    var request =
        SearchRequest.of("attention")
            .withMode(Mode.LEXICAL)
            .withFilters(new Filters(Set.of("cs.CL"), null, null, null));
    assertThat(ids(service.search(request))).containsExactlyInAnyOrder("2402.00003", "2402.00004");
  }

  @Test
  void dateFiltersByYearOrBounds() {
    assertThat(ids(lexical("year:2024"))).hasSize(3);
    assertThat(ids(lexical("year:2007-2023"))).containsExactlyInAnyOrder("0704.0001", "2401.00002");
    assertThat(ids(lexical("after:2024-02-01 attention")))
        .containsExactlyInAnyOrder("2402.00003", "2402.00004");
    assertThat(ids(lexical("before:2023-12 molecules"))).containsExactly("2401.00002");
    assertThatThrownBy(() -> lexical("after:yesterday"))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("after: expects a date");
  }

  @Test
  void booleanOperatorsAndExclusion() {
    assertThat(ids(lexical("molecules -message"))).containsExactly("2401.00001");
    assertThat(ids(lexical("molecules AND NOT passing"))).containsExactly("2401.00001");
    assertThat(ids(lexical("diphoton OR retrieval")))
        .containsExactlyInAnyOrder("0704.0001", "2402.00003");
    assertThat(ids(lexical("-attention")))
        .as("only an exclusion: everything else")
        .containsExactlyInAnyOrder("2401.00002", "0704.0001", "t-0123456789abcdef");
  }

  @Test
  void latexIsSearchableAsWords() {
    assertThat(ids(lexical("alpha divergences"))).containsExactly("t-0123456789abcdef");
    assertThat(ids(lexical("$\\alpha$"))).containsExactly("t-0123456789abcdef");
  }

  @Test
  void sortsPutPapersWithoutTheValueLast() {
    var byDate = service.search(SearchRequest.of("").withSort(Sort.DATE).page(0, 10));
    assertThat(ids(byDate))
        .containsExactly(
            "2402.00004",
            "2402.00003",
            "2401.00001",
            "2401.00002",
            "0704.0001",
            "t-0123456789abcdef");
    var byPopularity = service.search(SearchRequest.of("").withSort(Sort.POPULARITY).page(0, 3));
    assertThat(ids(byPopularity)).containsExactly("2401.00002", "2401.00001", "2402.00003");
    assertThat(byPopularity.totalHits()).isEqualTo(6);
  }

  @Test
  void pagesFollowEachOther() {
    var first = service.search(SearchRequest.of("").page(0, 4));
    var second = service.search(SearchRequest.of("").page(4, 4));
    assertThat(second.hits()).hasSize(2);
    assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
  }

  @Test
  void facetsCountCategoriesAndYearsOfAllMatches() {
    var r = lexical("attention");
    assertThat(r.facets().get("category"))
        .contains(new FacetCount("cs.CL", 2), new FacetCount("cs.LG", 2));
    assertThat(r.facets().get("year")).containsExactly(new FacetCount("2024", 3));
    assertThat(r.totalHits()).isEqualTo(3);
    assertThat(r.totalIsExact()).isTrue();
  }

  @Test
  void snippetsMarkMatchesAndEscapeHtml() {
    Hit hit = lexical("\"attention heads\"").hits().getFirst();
    assertThat(hit.titleHtml())
        .as("a phrase is marked as one")
        .isEqualTo("<mark>Attention Heads</mark> and Factual Recall");
    assertThat(hit.snippetHtml()).contains("<mark>");
    Hit survey = lexical("survey").hits().getFirst();
    assertThat(survey.snippetHtml()).contains("&lt;b&gt;not").doesNotContain("<b>");
  }

  @Test
  void withoutAnEmbedderHybridRunsLexicallyAndSaysSo() {
    var r = service.search(SearchRequest.of("graph transformers"));
    assertThat(r.modeUsed()).isEqualTo(Mode.LEXICAL);
    assertThat(r.notes()).anyMatch(n -> n.contains("semantic search is unavailable"));
    assertThat(ids(r)).startsWith("2401.00001");
  }

  @Test
  void aQueryEmbeddingThatFailsLeavesTheSearchToWordsWithANote() {
    Embedder failing =
        new Embedder() {
          @Override
          public String modelId() {
            return "test-model";
          }

          @Override
          public int dimensions() {
            return 2;
          }

          @Override
          public List<float[]> embedDocuments(List<String> texts) {
            throw new IllegalStateException("model file damaged");
          }

          @Override
          public float[] embedQuery(String query) {
            throw new IllegalStateException("model file damaged");
          }
        };
    SearchService withFailingModel = new SearchService(index, failing);
    for (Mode mode : List.of(Mode.HYBRID, Mode.SEMANTIC)) {
      var r = withFailingModel.search(SearchRequest.of("graph transformers").withMode(mode));
      assertThat(r.modeUsed()).as(mode.name()).isEqualTo(Mode.LEXICAL);
      assertThat(r.notes())
          .as(mode.name())
          .anyMatch(n -> n.contains("semantic search failed (model file damaged)"));
      assertThat(ids(r)).as(mode.name()).isEqualTo(ids(lexical("graph transformers")));
    }
  }

  /**
   * Input a search must survive: a result or a {@link QueryException} with a message, never
   * anything else.
   */
  static final List<String> HOSTILE =
      List.of(
          "\"unbalanced quote",
          "AND",
          "OR OR",
          "NOT",
          "(",
          ")",
          "a AND",
          "author:",
          "cat:",
          "year:",
          "+-&&||!(){}[]^\"~*?:\\/",
          "*",
          "?",
          "title:",
          "foo:bar",
          "/regex.*/",
          "\\",
          "\u0000\u0007x",
          "a".repeat(10_000),
          "attention ".repeat(2_000),
          "((((((((((a",
          "a~",
          "a^",
          "a^x",
          "\"a\"~x",
          "[a TO",
          "{}",
          "~",
          "!!",
          "title:(",
          "−−",
          "\uD800",
          "",
          "   ",
          "the of and",
          "-",
          "- -",
          "-attention -heads -facts",
          "NOT NOT",
          "attention -\"\"",
          "!(",
          "-(",
          "a -(b",
          "a NOT\"");

  static void assertSurvives(SearchService service, String q, Mode mode) {
    try {
      SearchResult r = service.search(SearchRequest.of(q).withMode(mode));
      assertThat(r.hits()).as(q).isNotNull();
    } catch (QueryException e) {
      assertThat(e.getMessage()).as(q).isNotBlank();
    }
  }

  @Test
  void aColonThatIsNotAFieldSeparatesWords() {
    assertThat(lexical("molecules:graph").hits()).extracting(Hit::id).contains("2401.00001");
    assertThat(lexical("https://arxiv.org/abs/2401.00001 transformers").hits())
        .extracting(Hit::id)
        .contains("2401.00001");
    assertThat(lexical("title:diphoton").hits()).extracting(Hit::id).containsExactly("0704.0001");
  }

  @Test
  void hostileQueriesNeverFailWithAnythingButAQueryException() {
    for (String q : HOSTILE) {
      for (Mode mode : Mode.values()) assertSurvives(service, q, mode);
    }
    assertThat(lexical("a".repeat(10_000)).notes()).anyMatch(n -> n.contains("cut"));
    assertThat(ids(lexical("\"attention heads")))
        .as("an unbalanced quote is read as words")
        .isNotEmpty();
  }

  @Test
  void similarToAnUnknownPaperIsAClearError() {
    assertThatThrownBy(() -> service.similar("9999.99999", 5))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("9999.99999");
  }

  @Test
  void similarWithoutVectorsUsesWordsAndExcludesThePaperItself() {
    List<Hit> similar = service.similar("2402.00004", 5);
    assertThat(similar).extracting(Hit::id).doesNotContain("2402.00004").startsWith("2402.00003");
  }
}
