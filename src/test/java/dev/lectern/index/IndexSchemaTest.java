package dev.lectern.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written with an older analysis of the text (before LaTeX was decoded) is not searched as
 * it is.
 */
class IndexSchemaTest {
  static final String MODEL = "test-model";
  @TempDir Path dataDir;
  PaperLibrary library;
  Path path;

  @BeforeEach
  void olderIndex() throws IOException {
    library = new PaperLibrary(Database.openEmbedded(dataDir));
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "0704.0019",
            "Approximation for extinction probability of the contact process based on the Gr\\\"obner basis",
            "We give a new approximation using the Gr\\\"obner basis.",
            List.of("Norio Konno"),
            List.of("math.PR"),
            LocalDate.of(2007, 3, 31),
            null));
    path = dataDir.resolve("index");
    // what schema 2 wrote: words split where LaTeX is ("gr", "obner"), the watermark up to date
    try (IndexWriter w =
        new IndexWriter(FSDirectory.open(path), new IndexWriterConfig(new StandardAnalyzer()))) {
      Document d = new Document();
      d.add(new StringField(IndexFields.ID, "0704.0019", Field.Store.YES));
      d.add(
          new TextField(
              IndexFields.TITLE, library.get("0704.0019").orElseThrow().title(), Field.Store.YES));
      w.addDocument(d);
      w.setLiveCommitData(new Watermark(library.lastChangeSeq(), MODEL, 2).toUserData().entrySet());
      w.commit();
    }
  }

  @Test
  void anIndexOfAnOlderAnalysisIsRebuiltOnOpenAndSaysSoFirst() {
    List<String> notices = new ArrayList<>();
    try (LuceneIndex index =
        LuceneIndex.open(path, library, MODEL, LuceneIndex.Residency.ON_DEMAND, notices::add)) {
      assertThat(notices)
          .singleElement()
          .asString()
          .contains("rebuilding the search index", "another version of Lectern", "schema 2");
      assertThat(index.watermark().schema()).isEqualTo(Watermark.SCHEMA);
      int found = index.search(s -> s.count(new TermQuery(new Term(IndexFields.TITLE, "grobner"))));
      assertThat(found).isEqualTo(1);
    }
    List<String> again = new ArrayList<>();
    try (LuceneIndex index =
        LuceneIndex.open(path, library, MODEL, LuceneIndex.Residency.ON_DEMAND, again::add)) {
      assertThat(again).as("rebuilt once").isEmpty();
    }
  }

  @Test
  void aSnapshotOfAnOlderIndexSaysToReindexInsteadOfMissingPapers() {
    assertThatThrownBy(() -> IndexSnapshot.open(path))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("another version of Lectern")
        .hasMessageContaining("lectern reindex");
  }

  @Test
  void aNewIndexIsNotRebuilt() {
    List<String> notices = new ArrayList<>();
    try (LuceneIndex index =
        LuceneIndex.open(
            dataDir.resolve("fresh"),
            library,
            MODEL,
            LuceneIndex.Residency.ON_DEMAND,
            notices::add)) {
      assertThat(notices).isEmpty();
      assertThat(index.size()).isEqualTo(1);
    }
  }
}
