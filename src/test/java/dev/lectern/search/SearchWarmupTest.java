package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

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
  static final Map<String, float[]> vectors = new HashMap<>();
  static final Map<String, String> TITLES = Map.of(
      "2401.00001", "Graph Transformers for Molecules",
      "2401.00002", "Message Passing Networks Revisited",
      "2402.00003", "Retrieval Heads in Long Context Models",
      "2402.00004", "Attention Heads and Factual Recall");

  @BeforeAll
  static void build() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    List<Paper> papers = List.of(
        paper("2401.00001", TITLES.get("2401.00001"), "cs.LG"),
        paper("2401.00002", TITLES.get("2401.00002"), "cs.LG"),
        paper("2402.00003", TITLES.get("2402.00003"), "cs.CL"),
        paper("2402.00004", TITLES.get("2402.00004"), "cs.CL"));
    TestLibrary.write(library, papers.toArray(Paper[]::new));
    Random random = new Random(1);
    Map<String, String> hashes = new HashMap<>();
    for (Paper p : papers.subList(0, 3)) {
      vectors.put(p.id(), RandomVectors.unit(random, 16));
      hashes.put(p.id(), p.textHash());
    }
    library.embeddings().putAll(MODEL, vectors, hashes);
    index = LuceneIndex.open(dataDir.resolve("index"), library, MODEL);
    lexicalOnly = new SearchService(index, null);
  }

  static Paper paper(String id, String title, String category) {
    return TestLibrary.paper(id, title, title + ": an abstract about it.", List.of("Ada Lovelace"),
        List.of(category), LocalDate.of(2024, 1, 2), null);
  }

  @AfterAll
  static void close() {
    if (index != null) index.close();
  }

  @Test
  void samplesPapersWithQueriesFromTheirTitlesAndTheirOwnVectors() {
    List<SearchWarmup.Sample> samples = SearchWarmup.sample(index, 60, SEED);
    assertThat(samples).hasSize(60);
    assertThat(samples).allSatisfy(s -> {
      List<String> titleWords = List.of(TITLES.get(s.id()).toLowerCase().split(" "));
      String words = UserQuery.parse(s.query()).text().replace("\"", "").replace(" -survey", "");
      assertThat(words.split(" ")).isSubsetOf(titleWords);
      if (vectors.containsKey(s.id())) {
        assertThat(s.vector()).containsExactly(vectors.get(s.id()));
      } else {
        assertThat(s.vector()).isNull();
      }
    });
    assertThat(samples).extracting(SearchWarmup.Sample::id).contains("2401.00001", "2402.00004");
    assertThat(SearchWarmup.sample(index, 60, SEED)).as("same seed, same papers")
        .extracting(SearchWarmup.Sample::query).isEqualTo(samples.stream().map(SearchWarmup.Sample::query).toList());
  }

  @Test
  void everyKindOfQueryMadeOfATitleFindsItsPaper() {
    StoredPaper p = new StoredPaper("2402.00003", TITLES.get("2402.00003"), "", List.of("Ada Lovelace"),
        List.of("cs.CL"), LocalDate.of(2024, 1, 2), null);
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 1)).isEqualTo("\"retrieval heads\"");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 5)).isEqualTo("retrieval heads -survey");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 9)).isEqualTo("retrieval heads cat:cs.CL year:2023-2024");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads cat:cs.CL", p, 9)).as("filtered already")
        .isEqualTo("retrieval heads cat:cs.CL");
    assertThat(SearchWarmup.ofEveryKind("retrieval heads", p, 0)).isEqualTo("retrieval heads");
    for (int n : new int[] {1, 5, 9}) {
      SearchResult r = lexicalOnly.search(SearchRequest.of(SearchWarmup.ofEveryKind("retrieval heads", p, n))
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
      d.add(new TextField(IndexFields.TITLE, id.startsWith("deleted") ? "Zebra Giraffe Okapi" : "Graph Networks Number " + i,
          Field.Store.YES));
      docs.add(d);
    }
    try (TwoSegmentIndex two = TwoSegmentIndex.of(docs, 3,
        List.of(new Term(IndexFields.ID, "deleted-1"), new Term(IndexFields.ID, "deleted-5")))) {
      SearchableIndex searchable = new SearchableIndex() {
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
      List<SearchWarmup.Sample> samples = SearchWarmup.sample(searchable, 60, SEED);
      assertThat(samples).hasSize(60).allSatisfy(s -> assertThat(s.id()).startsWith("live-"));
    }
  }

  @Test
  void runsAWordSearchPerPaperAHybridOnePerPaperWithAVectorAndSimilarPapersForEveryFourth() {
    List<SearchWarmup.Sample> samples = SearchWarmup.sample(index, 30, SEED);
    long withVectors = samples.stream().filter(s -> s.vector() != null).count();
    SearchWarmup.Report r = SearchWarmup.run(lexicalOnly, index, 30, SEED, () -> false);
    assertThat(r.papers()).isEqualTo(30);
    assertThat(r.stopped()).isFalse();
    assertThat(r.searches()).isEqualTo(30 + withVectors + 30 / SearchWarmup.SIMILAR_EVERY + 1);
  }

  @Test
  void stopsBeforeTheNextPaperWhenAsked() {
    AtomicInteger checks = new AtomicInteger();
    SearchWarmup.Report r = SearchWarmup.run(lexicalOnly, index, 30, SEED, () -> checks.incrementAndGet() > 5);
    assertThat(r.papers()).isEqualTo(5);
    assertThat(r.stopped()).isTrue();
  }

  @Test
  void anEmptyIndexOrNoPapersAskedForRunsNothing(@TempDir Path emptyDir) {
    PaperLibrary empty = new PaperLibrary(Database.openEmbedded(emptyDir));
    try (LuceneIndex emptyIndex = LuceneIndex.open(emptyDir.resolve("index"), empty, MODEL)) {
      SearchWarmup.Report r = SearchWarmup.run(new SearchService(emptyIndex, null), emptyIndex, 100, SEED, () -> false);
      assertThat(r.searches()).isZero();
      assertThat(r.stopped()).isFalse();
    }
    assertThat(SearchWarmup.run(lexicalOnly, index, 0, SEED, () -> false).searches()).isZero();
  }

  @Test
  void aGivenVectorIsSearchedByMeaningEvenWithoutAModel() {
    SearchResult r = lexicalOnly.search(SearchRequest.of("molecules").withMode(Mode.SEMANTIC).page(0, 1),
        vectors.get("2402.00003"));
    assertThat(r.modeUsed()).isEqualTo(Mode.SEMANTIC);
    assertThat(r.hits()).extracting(Hit::id).containsExactly("2402.00003");
  }
}
