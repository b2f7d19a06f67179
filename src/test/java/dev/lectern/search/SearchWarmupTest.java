package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.Embedder;
import dev.lectern.embed.QueryEmbedder;
import dev.lectern.index.IndexFields;
import dev.lectern.index.LuceneIndex;
import dev.lectern.index.PaperAnalyzers;
import dev.lectern.index.PaperDocuments.StoredPaper;
import dev.lectern.index.SearchableIndex;
import dev.lectern.paper.Paper;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.RandomVectors;
import dev.lectern.testing.TestLibrary;
import dev.lectern.testing.TwoSegmentIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up warm-up over a real index of four papers, three of them with vectors. */
class SearchWarmupTest {
  static final String MODEL = "test-model";
  static final long SEED = 7;

  @TempDir static Path dataDir;
  static LuceneIndex index;
  static SearchService lexicalOnly;
  static final Map<String, float[]> VECTORS = new HashMap<>();
  static final Map<String, String> TITLES =
      Map.of(
          "2401.00001", "Graph Transformers for Molecules",
          "2401.00002", "Message Passing Networks Revisited",
          "2402.00003", "Retrieval Heads in Long Context Models",
          "2402.00004", "Attention Heads and Factual Recall");

  @BeforeAll
  static void build() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    List<Paper> papers =
        List.of(
            paper("2401.00001", TITLES.get("2401.00001"), "cs.LG"),
            paper("2401.00002", TITLES.get("2401.00002"), "cs.LG"),
            paper("2402.00003", TITLES.get("2402.00003"), "cs.CL"),
            paper("2402.00004", TITLES.get("2402.00004"), "cs.CL"));
    TestLibrary.write(library, papers.toArray(Paper[]::new));
    Random random = new Random(1);
    Map<String, String> hashes = new HashMap<>();
    for (Paper p : papers.subList(0, 3)) {
      VECTORS.put(p.id(), RandomVectors.unit(random, 16));
      hashes.put(p.id(), p.textHash());
    }
    library.embeddings().putAll(MODEL, VECTORS, hashes);
    index = LuceneIndex.open(dataDir.resolve("index"), library, MODEL);
    lexicalOnly = new SearchService(index, null);
  }

  static Paper paper(String id, String title, String category) {
    return TestLibrary.paper(
        id,
        title,
        title + ": an abstract about it.",
        List.of("Ada Lovelace"),
        List.of(category),
        LocalDate.of(2024, 1, 2),
        null);
  }

  @AfterAll
  static void close() {
    if (index != null) index.close();
  }

  @Test
  void samplesPapersWithQueriesFromTheirTitlesAndTheirOwnVectors() {
    List<SearchWarmup.Sample> samples = SearchWarmup.sample(index, 60, SEED, () -> false);
    assertThat(samples).hasSize(60);
    assertThat(samples)
        .allSatisfy(
            s -> {
              List<String> titleWords =
                  List.of(TITLES.get(s.id()).toLowerCase(Locale.ROOT).split(" "));
              String words =
                  UserQuery.parse(s.query()).text().replace("\"", "").replace(" -survey", "");
              assertThat(words.split(" ")).isSubsetOf(titleWords);
              if (VECTORS.containsKey(s.id())) {
                assertThat(s.vector()).containsExactly(VECTORS.get(s.id()));
              } else {
                assertThat(s.vector()).isNull();
              }
            });
    assertThat(samples).extracting(SearchWarmup.Sample::id).contains("2401.00001", "2402.00004");
    assertThat(samples.get(1).query()).as("a phrase").startsWith("\"").endsWith("\"");
    assertThat(samples.get(3).query()).as("by category").containsPattern(" cat:cs\\.(LG|CL)$");
    assertThat(samples.get(5).query()).as("an exclusion").endsWith(" -survey");
    assertThat(samples.get(7).query()).as("by author").endsWith(" author:Lovelace");
    assertThat(samples.get(9).query())
        .as("by category and years")
        .containsPattern(" cat:cs\\.(LG|CL) year:2023-2024$");
    List<String> ids = samples.stream().map(SearchWarmup.Sample::id).toList();
    assertThat(SearchWarmup.sample(index, 60, SEED, () -> false))
        .as("same seed, same papers and queries")
        .extracting(SearchWarmup.Sample::id, SearchWarmup.Sample::query)
        .isEqualTo(
            samples.stream()
                .map(x -> org.assertj.core.groups.Tuple.tuple(x.id(), x.query()))
                .toList());
    assertThat(SearchWarmup.sample(index, 60, SEED + 1, () -> false))
        .as("another seed, other papers")
        .extracting(SearchWarmup.Sample::id)
        .isNotEqualTo(ids);
  }

  @Test
  void everyKindOfQueryMadeOfATitleFindsItsPaper() {
    StoredPaper p =
        new StoredPaper(
            "2402.00003",
            TITLES.get("2402.00003"),
            "",
            List.of("Ada Lovelace"),
            List.of("cs.CL"),
            LocalDate.of(2024, 1, 2),
            null);
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 1)).isEqualTo("\"retrieval heads\"");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 5))
        .isEqualTo("retrieval heads -survey");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 9))
        .isEqualTo("retrieval heads cat:cs.CL year:2023-2024");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads cat:cs.CL", p, 9))
        .as("filtered already")
        .isEqualTo("retrieval heads cat:cs.CL");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 0)).isEqualTo("retrieval heads");
    for (int n : new int[] {1, 5, 9}) {
      SearchResult r =
          lexicalOnly.search(
              SearchRequest.of(SearchWarmup.ofEveryKind("retrieval heads", p, n))
                  .withMode(Mode.LEXICAL));
      assertThat(r.hits()).extracting(Hit::id).as("kind %d", n).contains("2402.00003");
    }
  }

  @Test
  void neverSamplesADeletedPaper() throws IOException {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Document d = new Document();
      String id = i == 1 || i == 5 ? "deleted-" + i : "live-" + i;
      d.add(new StringField(IndexFields.ID, id, Field.Store.YES));
      d.add(
          new TextField(
              IndexFields.TITLE,
              id.startsWith("deleted") ? "Zebra Giraffe Okapi" : "Graph Networks Number " + i,
              Field.Store.YES));
      docs.add(d);
    }
    try (TwoSegmentIndex two =
        TwoSegmentIndex.of(
            docs,
            3,
            List.of(
                new Term(IndexFields.ID, "deleted-1"), new Term(IndexFields.ID, "deleted-5")))) {
      SearchableIndex searchable = over(two);
      List<SearchWarmup.Sample> samples = SearchWarmup.sample(searchable, 60, SEED, () -> false);
      assertThat(samples).hasSize(60).allSatisfy(s -> assertThat(s.id()).startsWith("live-"));
    }
  }

  @Test
  void titlesWithoutAWordToSearchEndTheSamplingEmptyHanded() throws IOException {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Document d = new Document();
      d.add(new StringField(IndexFields.ID, "p" + i, Field.Store.YES));
      d.add(new TextField(IndexFields.TITLE, "On a Q & A", Field.Store.YES));
      docs.add(d);
    }
    try (TwoSegmentIndex two = TwoSegmentIndex.of(docs, 2)) {
      assertThat(SearchWarmup.sample(over(two), 1000, SEED, () -> false)).isEmpty();
    }
  }

  static SearchableIndex over(TwoSegmentIndex two) {
    return new SearchableIndex() {
      @Override
      public <T> T search(SearcherFunction<T> read) {
        try {
          return read.apply(two.searcher());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Analyzer analyzer() {
        return PaperAnalyzers.perField();
      }

      @Override
      public String model() {
        return MODEL;
      }
    };
  }

  /** The index, counting its reads. */
  static final class CountingIndex implements SearchableIndex {
    final SearchableIndex inner;
    final AtomicInteger reads = new AtomicInteger();

    CountingIndex(SearchableIndex inner) {
      this.inner = inner;
    }

    @Override
    public <T> T search(SearcherFunction<T> read) {
      reads.incrementAndGet();
      return inner.search(read);
    }

    @Override
    public Analyzer analyzer() {
      return inner.analyzer();
    }

    @Override
    public String model() {
      return inner.model();
    }
  }

  @Test
  void
      runsAWordSearchPerPaperAHybridOnePerPaperWithAVectorAndSimilarPapersForEveryFourthWithoutTheModel() {
    List<SearchWarmup.Sample> samples = SearchWarmup.sample(index, 30, SEED, () -> false);
    long withVectors = samples.stream().filter(s -> s.vector() != null).count();
    assertThat(withVectors).isBetween(1L, 29L);
    CountingIndex counted = new CountingIndex(index);
    AtomicInteger queriesEmbedded = new AtomicInteger();
    // the index's model, counting the queries it is asked to embed
    Embedder model =
        new QueryEmbedder(
            new FixedEmbedder(MODEL, new float[16]),
            query -> {
              queriesEmbedded.incrementAndGet();
              return new float[16];
            });
    SearchWarmup.Report r =
        SearchWarmup.run(new SearchService(counted, model), counted, 30, SEED, () -> false);
    assertThat(r.papers()).isEqualTo(30);
    assertThat(r.stopped()).isFalse();
    assertThat(r.searches()).isEqualTo(30 + withVectors + 30 / SearchWarmup.SIMILAR_EVERY + 1);
    assertThat(counted.reads.get())
        .as("one read to sample, one per search")
        .isEqualTo(1 + r.searches());
    assertThat(queriesEmbedded.get()).as("no query embedded").isZero();
  }

  @Test
  void stopsBeforeTheNextPaperWhenAsked() {
    AtomicInteger checks = new AtomicInteger();
    SearchWarmup.Report r =
        SearchWarmup.run(lexicalOnly, index, 30, SEED, () -> checks.incrementAndGet() > 35);
    assertThat(r.papers()).as("30 checks while sampling, then 5 papers").isEqualTo(5);
    assertThat(r.stopped()).isTrue();
    long withVectors =
        SearchWarmup.sample(index, 5, SEED, () -> false).stream()
            .filter(s -> s.vector() != null)
            .count();
    assertThat(r.searches()).isEqualTo(5 + withVectors + 2);
    assertThat(SearchWarmup.sample(index, 30, SEED, () -> true))
        .as("stopped while sampling")
        .isEmpty();
  }

  @Test
  void aSearchThatFailsIsSkippedAndTheWarmUpGoesOn() {
    SearchWarmup.Sample retired = new SearchWarmup.Sample("9999.99999", "graph transformers", null);
    assertThat(SearchWarmup.searchesOf(lexicalOnly, retired, true))
        .as("the word search ran, the lookup failed")
        .isEqualTo(1);
  }

  @Test
  void aYearFilterIsMadeOnlyOfFourDigitYears() {
    StoredPaper ancient =
        new StoredPaper(
            "x",
            "Graph Transformers",
            "",
            List.of(),
            List.of("cs.LG"),
            LocalDate.of(1000, 1, 1),
            null);
    assertThat(SearchWarmup.ofEveryKind("graph transformers", ancient, 9))
        .isEqualTo("graph transformers");
  }

  @Test
  void anEmptyIndexOrNoPapersAskedForRunsNothing(@TempDir Path emptyDir) {
    PaperLibrary empty = new PaperLibrary(Database.openEmbedded(emptyDir));
    try (LuceneIndex emptyIndex = LuceneIndex.open(emptyDir.resolve("index"), empty, MODEL)) {
      SearchWarmup.Report r =
          SearchWarmup.run(new SearchService(emptyIndex, null), emptyIndex, 100, SEED, () -> false);
      assertThat(r.searches()).isZero();
      assertThat(r.stopped()).isFalse();
    }
    assertThat(SearchWarmup.run(lexicalOnly, index, 0, SEED, () -> false).searches()).isZero();
  }

  @Test
  void aGivenVectorIsSearchedByMeaningEvenWithoutAModel() {
    SearchResult r =
        lexicalOnly.search(
            SearchRequest.of("molecules").withMode(Mode.SEMANTIC).page(0, 1),
            VECTORS.get("2402.00003"));
    assertThat(r.modeUsed()).isEqualTo(Mode.SEMANTIC);
    assertThat(r.hits()).extracting(Hit::id).containsExactly("2402.00003");
  }
}
