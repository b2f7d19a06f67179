package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.Embedder;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.index.LuceneIndex;
import dev.lectern.paper.Paper;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bge-small model over real papers (the first sample page): the first 30 papers get
 * vectors the way the embedding queue would store them, the rest have none.
 */
class SemanticSearchTest {
  static final int EMBEDDED = 30;

  @TempDir static Path dataDir;
  static OnnxBgeEmbedder embedder;
  static LuceneIndex index;
  static SearchService service;
  static List<Paper> withVectors;
  static List<Paper> withoutVectors;

  @BeforeAll
  static void build() {
    embedder = OnnxBgeEmbedder.open();
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    TestLibrary.importHfPage(library, "page-a.txt");
    List<Paper> all =
        library.changedSince(0, 10_000).stream().map(PaperLibrary.Change::paper).toList();
    withVectors = all.subList(0, EMBEDDED);
    withoutVectors = all.subList(EMBEDDED, all.size());
    List<float[]> vectors =
        embedder.embedDocuments(
            withVectors.stream()
                .map(p -> Embedder.documentText(p.title(), p.abstractText()))
                .toList());
    Map<String, float[]> byId = new HashMap<>();
    Map<String, String> hashes = new HashMap<>();
    for (int i = 0; i < EMBEDDED; i++) {
      byId.put(withVectors.get(i).id(), vectors.get(i));
      hashes.put(withVectors.get(i).id(), withVectors.get(i).textHash());
    }
    library.embeddings().putAll(embedder.modelId(), byId, hashes);
    index = LuceneIndex.open(dataDir.resolve("index"), library, embedder.modelId());
    service = new SearchService(index, embedder);
  }

  @AfterAll
  static void close() {
    if (index != null) index.close();
    if (embedder != null) embedder.close();
  }

  @Test
  void aParaphraseWithNoSharedTitleWordsFindsThePaper() {
    Paper retrievalHead =
        byTitle("Retrieval Head Mechanistically Explains Long-Context Factuality");
    var r =
        service.search(
            SearchRequest.of("which attention heads look up facts in very long inputs")
                .withMode(Mode.SEMANTIC)
                .page(0, 3));
    assertThat(r.modeUsed()).isEqualTo(Mode.SEMANTIC);
    assertThat(r.hits()).extracting(Hit::id).contains(retrievalHead.id());
    assertThat(r.hits()).allMatch(h -> h.snippetHtml() != null && !h.snippetHtml().isBlank());
  }

  @Test
  void idsAloneRankAsThePagesOfHitsDo() {
    for (SearchRequest r :
        List.of(
            SearchRequest.of("attention heads and long context").page(0, 20),
            SearchRequest.of("attention heads and long context").page(5, 7),
            SearchRequest.of("graph transformers").withMode(Mode.SEMANTIC).page(0, 15),
            SearchRequest.of("graph transformers").withMode(Mode.LEXICAL).page(0, 15),
            SearchRequest.of("graph -survey").withSort(SearchRequest.Sort.DATE).page(0, 50),
            SearchRequest.of("models").withSort(SearchRequest.Sort.POPULARITY).page(3, 10))) {
      List<String> page = service.search(r).hits().stream().map(Hit::id).toList();
      assertThat(page).as(r.toString()).isNotEmpty();
      assertThat(service.ids(r)).as(r.toString()).isEqualTo(page);
    }
  }

  @Test
  void hybridStillFindsPapersWithoutAVectorByTheirWords() {
    Paper noVector = withoutVectors.getFirst();
    var r = service.search(SearchRequest.of("\"" + noVector.title() + "\"").page(0, 10));
    assertThat(r.modeUsed()).isEqualTo(Mode.HYBRID);
    assertThat(r.hits()).extracting(Hit::id).contains(noVector.id());
    assertThat(r.totalHits())
        .isGreaterThanOrEqualTo(SearchService.FUSION_DEPTH > EMBEDDED ? EMBEDDED : 1);
  }

  @Test
  void anExcludedWordHoldsInEveryMode() {
    List<String> withTheWord =
        service
            .search(SearchRequest.of("retrieval").withMode(Mode.LEXICAL).page(0, 100))
            .hits()
            .stream()
            .map(Hit::id)
            .toList();
    assertThat(withTheWord)
        .contains(byTitle("Retrieval Head Mechanistically Explains Long-Context Factuality").id());
    for (Mode mode : Mode.values()) {
      var r =
          service.search(
              SearchRequest.of("which attention heads look up facts -retrieval")
                  .withMode(mode)
                  .page(0, 20));
      assertThat(r.modeUsed()).isEqualTo(mode);
      assertThat(r.hits())
          .as(mode.name())
          .isNotEmpty()
          .extracting(Hit::id)
          .doesNotContainAnyElementsOf(withTheWord);
    }
  }

  @Test
  void hostileQueriesSurviveSearchByMeaningToo() {
    for (String q : SearchServiceTest.HOSTILE) {
      SearchServiceTest.assertSurvives(service, q, Mode.SEMANTIC);
      SearchServiceTest.assertSurvives(service, q, Mode.HYBRID);
    }
  }

  @Test
  void similarPapersExcludeThePaperItselfAndIncludeWordsOnlyMatches() {
    Paper lottery =
        byTitle("The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks");
    List<Hit> similar = service.similar(lottery.id(), 5);
    assertThat(similar).hasSize(5).extracting(Hit::id).doesNotContain(lottery.id());
    // the closest paper by words has no vector: MoreLikeThis still brings it in. (With vectors for
    // only 30
    // papers, all 29 others are among the 100 nearest neighbours, so they all rank above a
    // words-only match.)
    assertThat(service.similar(lottery.id(), 40))
        .extracting(Hit::title)
        .contains("Lottery Jackpots Exist in Pre-trained Models");
  }

  static Paper byTitle(String title) {
    return withVectors.stream()
        .filter(p -> p.title().equals(title))
        .findFirst()
        .or(() -> withoutVectors.stream().filter(p -> p.title().equals(title)).findFirst())
        .orElseThrow(() -> new AssertionError("sample page lacks " + title));
  }
}
