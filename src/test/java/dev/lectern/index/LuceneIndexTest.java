package dev.lectern.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Lucene index in a temp dir, following a real library on disk. */
class LuceneIndexTest {
  static final String MODEL = "test-model";

  @TempDir Path dataDir;
  PaperLibrary library;
  LuceneIndex index;

  @BeforeEach
  void openLibrary() {
    library = new PaperLibrary(Database.openEmbedded(dataDir));
  }

  @AfterEach
  void closeIndex() {
    if (index != null) index.close();
  }

  LuceneIndex open(String name) {
    return LuceneIndex.open(dataDir.resolve(name), library, MODEL);
  }

  @Test
  void syncPicksUpImportsIncrementallyFromTheWatermark() {
    TestLibrary.importHfPage(library, "page-a.txt");
    index = open("index");
    assertThat(index.size()).isEqualTo((int) library.count());
    assertThat(index.watermark().changeSeq()).isEqualTo(library.lastChangeSeq());

    long before = library.count();
    TestLibrary.importHfPage(library, "page-b.txt");
    assertThat(index.size()).as("nothing new is visible before a sync").isEqualTo((int) before);

    long seqBefore = index.watermark().changeSeq();
    PaperIndex.SyncReport report = index.sync();
    assertThat(report.indexed()).isEqualTo(library.changedSince(seqBefore, 100_000).size());
    assertThat(index.size()).isEqualTo((int) library.count());
    assertThat(index.sync().indexed()).as("a second sync has nothing to do").isZero();
  }

  @Test
  void aRebuildNumbersPapersThatShareWordsNextToEachOther() {
    Random topics =
        new Random(7); // not strictly alternating: the bisection needs some asymmetry to start
    Paper[] mixed = new Paper[256];
    for (int i = 0; i < mixed.length; i++) {
      boolean graphs = topics.nextBoolean();
      // the topic is the paper number's parity, which the test reads back from the index
      mixed[i] =
          TestLibrary.paper(
              String.format("2401.%05d", 2 * i + (graphs ? 0 : 1)),
              (graphs ? "Message passing on graphs, part " : "Protein structure prediction, part ")
                  + i,
              graphs
                  ? "Graph neural networks pass messages between nodes of large sparse graphs."
                  : "Folding models predict the structure of proteins from amino acid sequences.",
              List.of("A. Author"),
              List.of("cs.LG"),
              LocalDate.of(2024, 1, 1),
              null);
    }
    TestLibrary.write(library, mixed);
    // words in 2 papers or more count, so that a small library is reordered too
    index =
        LuceneIndex.open(
            dataDir.resolve("index"),
            library,
            MODEL,
            LuceneIndex.Residency.ON_DEMAND,
            new PaperOrder(2, 1 << 18));
    assertThat(topicChanges(index)).as("a small sync keeps the order written").isGreaterThan(80);

    index.rebuild();
    assertThat(index.size()).isEqualTo(mixed.length);
    assertThat(topicChanges(index)).isLessThan(4);
  }

  @Test
  void openingDeletesTheTemporaryFilesOfAReorderingCutShort() throws IOException {
    TestLibrary.importHfPage(library, "page-a.txt");
    index = open("index");
    index.close();
    index = null;
    Path dir = dataDir.resolve("index");
    // what a kill during a reordering merge leaves: Lucene's temp files, named unlike its segment
    // files
    List<String> leftovers =
        List.of(
            "postings__0.tmp",
            "postings__0.tmp_sort_1.tmp",
            "term-ids__2.tmp",
            "start-offsets__3.tmp");
    for (String name : leftovers) java.nio.file.Files.writeString(dir.resolve(name), "partial");
    java.nio.file.Files.writeString(dir.resolve("postings-notes.txt"), "not Lucene's");

    index = open("index");
    for (String name : leftovers) assertThat(dir.resolve(name)).doesNotExist();
    assertThat(dir.resolve("postings-notes.txt")).exists();
    assertThat(index.size()).isEqualTo((int) library.count());
  }

  /** How often a document's topic (the paper number's parity) differs from the one before it. */
  private static int topicChanges(LuceneIndex idx) {
    return idx.search(
        s -> {
          int changes = 0;
          Boolean previous = null;
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            var stored = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              String id = stored.document(doc).get(IndexFields.ID);
              boolean even = Integer.parseInt(id.substring(id.length() - 1)) % 2 == 0;
              if (previous != null && previous != even) changes++;
              previous = even;
            }
          }
          return changes;
        });
  }

  @Test
  void aPaperReKeyedToItsArxivIdLeavesNoDuplicate() {
    String title = "Retrieval Heads Explain Long-Context Factuality";
    String titleId = PaperIds.fromTitle(title);
    TestLibrary.write(
        library, Paper.of(titleId, title, "Attention heads retrieve.", List.of(), "hf-page"));
    index = open("index");
    assertThat(index.contains(titleId)).isTrue();

    TestLibrary.write(
        library,
        TestLibrary.paper(
            "2404.15574",
            title,
            "Attention heads retrieve.",
            List.of("Wenhao Wu"),
            List.of("cs.CL"),
            LocalDate.of(2024, 4, 24),
            null));
    assertThat(library.redirectsSince(0)).isNotEmpty();
    index.sync();

    assertThat(index.contains("2404.15574")).isTrue();
    assertThat(index.contains(titleId)).isFalse();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void rebuildGivesTheSameIndexAsIncrementalSyncs() throws IOException {
    TestLibrary.importHfPage(library, "page-a.txt");
    index = open("incremental");
    TestLibrary.importHfPage(library, "page-b.txt");
    index.sync();
    TestLibrary.importHfPage(library, "page-c.txt");
    index.sync();
    // the embedding queue stores vectors in the library, then hands them to the index
    String first = library.changedSince(0, 1).getFirst().paper().id();
    storeVector(first, 2);
    index.updateVectors(Map.of(first, unitVector(2), "t-not-in-library", unitVector(3)));
    Map<String, String> incremental = contents(index);
    index.close();

    index = open("rebuilt");
    index.rebuild();
    assertThat(contents(index)).isEqualTo(incremental).hasSize((int) library.count());
  }

  @Test
  void aRebuildLeavesOneSegmentWhileSmallSyncsLeaveMergingToLucene() {
    TestLibrary.importHfPage(library, "page-a.txt");
    index = open("index");
    TestLibrary.importHfPage(library, "page-b.txt");
    index.sync();
    TestLibrary.importHfPage(library, "page-c.txt");
    assertThat(index.sync().compaction()).as("a small sync is not a bulk load").isZero();
    assertThat(segments()).as("each sync committed a segment").isGreaterThan(1);

    PaperIndex.SyncReport rebuilt = index.rebuild();
    assertThat(segments()).isEqualTo(1);
    assertThat(rebuilt.compaction()).isPositive();
    assertThat(index.size()).isEqualTo((int) library.count());
  }

  @Test
  void aPreloadedIndexFollowsAndSearchesLikeAnyOther() {
    TestLibrary.importHfPage(library, "page-a.txt");
    index =
        LuceneIndex.open(dataDir.resolve("index"), library, MODEL, LuceneIndex.Residency.PRELOAD);
    TestLibrary.importHfPage(library, "page-b.txt");
    index.sync();
    assertThat(index.size()).isEqualTo((int) library.count());
    assertThat(index.contains(library.changedSince(0, 1).getFirst().paper().id())).isTrue();
  }

  @Test
  void aBulkLoadIsManyPapersAndAFifthOfTheIndexAtLeast() {
    assertThat(LuceneIndex.isBulkLoad(LuceneIndex.BULK_LOAD_PAPERS, 0)).as("first build").isTrue();
    assertThat(LuceneIndex.isBulkLoad(LuceneIndex.BULK_LOAD_PAPERS - 1, 0))
        .as("a few papers")
        .isFalse();
    assertThat(LuceneIndex.isBulkLoad(200_000, 1_000_000)).as("a big import").isTrue();
    assertThat(LuceneIndex.isBulkLoad(20_000, 1_000_000))
        .as("a day's harvest on a big index")
        .isFalse();
  }

  private int segments() {
    return index.search(s -> s.getIndexReader().leaves().size());
  }

  @Test
  void aLibraryChangeNotSyncedBeforeACrashIsPickedUpOnReopen() {
    TestLibrary.importHfPage(library, "page-a.txt");
    index = open("index");
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "2401.00001",
            "Late arrival",
            "Written after the last sync.",
            List.of(),
            List.of("cs.LG"),
            null,
            null));
    index.close(); // no sync: the library is ahead of the index's committed watermark

    index = open("index");
    assertThat(index.contains("2401.00001")).isTrue();
    assertThat(index.watermark().changeSeq()).isEqualTo(library.lastChangeSeq());
  }

  @Test
  void vectorsStoredLaterReachTheIndexAndSurviveARebuild() throws IOException {
    TestLibrary.write(
        library,
        TestLibrary.paper("2401.00001", "One", "first", List.of(), List.of(), null, null),
        TestLibrary.paper("2401.00002", "Two", "second", List.of(), List.of(), null, null));
    index = open("index");
    assertThat(vectorCount()).isZero();

    float[] v = unitVector(7);
    library.embeddings().putAll(MODEL, Map.of("2401.00002", v), Map.of());
    assertThat(index.updateVectors(Map.of("2401.00002", v))).isEqualTo(1);
    assertThat(vectorCount()).isEqualTo(1);
    assertThat(nearest(v)).isEqualTo("2401.00002");

    index.rebuild();
    assertThat(vectorCount()).isEqualTo(1);
    assertThat(nearest(v)).isEqualTo("2401.00002");
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void vectorsStoredButNeverHandedToTheIndexAreAttachedByTheRepair() {
    TestLibrary.write(
        library,
        TestLibrary.paper("2401.00001", "One", "first", List.of(), List.of(), null, null),
        TestLibrary.paper("2401.00002", "Two", "second", List.of(), List.of(), null, null));
    index = open("index");
    library
        .embeddings()
        .putAll(MODEL, Map.of("2401.00001", unitVector(1), "t-gone", unitVector(2)), Map.of());
    // crash here: the queue stored the vector but never called updateVectors
    assertThat(index.attachMissingVectors()).isEqualTo(1);
    assertThat(vectorCount()).isEqualTo(1);
    assertThat(index.attachMissingVectors()).as("nothing left to repair").isZero();
  }

  @Test
  void anIndexOfAnotherModelIsRebuiltWithoutItsVectors() {
    TestLibrary.write(
        library, TestLibrary.paper("2401.00001", "One", "first", List.of(), List.of(), null, null));
    library.embeddings().putAll(MODEL, Map.of("2401.00001", unitVector(1)), Map.of());
    index = open("index");
    assertThat(vectorCount()).isEqualTo(1);
    index.close();

    index = LuceneIndex.open(dataDir.resolve("index"), library, "other-model");
    assertThat(index.watermark().model()).isEqualTo("other-model");
    assertThat(vectorCount()).as("vectors of different models must never be compared").isZero();
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void latexAndAccentsAreSearchable() {
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "hep-th/9901001",
            "An old-style identifier with $\\alpha$-math",
            "We keep LaTeX such as $E = mc^2$ and \\emph{emphasis} as written.",
            List.of("C. Balázs"),
            List.of("hep-th"),
            LocalDate.of(1999, 1, 1),
            null));
    index = open("index");
    assertThat(count("title:alpha")).isEqualTo(1);
    assertThat(count("authors:balazs")).isEqualTo(1);
    assertThat(count("abstract:emphasis")).isEqualTo(1);
  }

  private long count(String query) {
    return index.search(s -> (long) s.count(parse(query)));
  }

  private org.apache.lucene.search.Query parse(String q) {
    try {
      return new org.apache.lucene.queryparser.classic.QueryParser(
              IndexFields.ABSTRACT, index.analyzer())
          .parse(q);
    } catch (org.apache.lucene.queryparser.classic.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private void storeVector(String id, int seed) {
    library.embeddings().putAll(MODEL, Map.of(id, unitVector(seed)), Map.of());
  }

  static float[] unitVector(int seed) {
    return dev.lectern.testing.RandomVectors.unit(new java.util.Random(seed), 384);
  }

  private String nearest(float[] v) {
    return index.search(
        s -> {
          ScoreDoc[] hits =
              s.search(new KnnFloatVectorQuery(IndexFields.VECTOR, v, 1), 1).scoreDocs;
          return s.storedFields().document(hits[0].doc).get(IndexFields.ID);
        });
  }

  private int vectorCount() {
    return index.search(
        s -> {
          int n = 0;
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) continue;
            var it = values.iterator();
            while (it.nextDoc() != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
              if (leaf.reader().getLiveDocs() == null
                  || leaf.reader().getLiveDocs().get(it.docID())) n++;
            }
          }
          return n;
        });
  }

  /** Every live document as id -> its stored fields and whether it has a vector. */
  private Map<String, String> contents(LuceneIndex idx) throws IOException {
    return idx.search(
        s -> {
          Map<String, String> out = new TreeMap<>();
          var withVector = new java.util.HashSet<Integer>();
          for (ScoreDoc d :
              s.search(new KnnFloatVectorQuery(IndexFields.VECTOR, unitVector(2), 10), 10)
                  .scoreDocs) {
            withVector.add(d.doc);
          }
          IndexSearcher searcher = s;
          for (ScoreDoc d : searcher.search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
            Document doc = searcher.storedFields().document(d.doc);
            out.put(
                doc.get(IndexFields.ID),
                PaperDocuments.fromDocument(doc).hashCode()
                    + " vector="
                    + withVector.contains(d.doc));
          }
          return out;
        });
  }
}
