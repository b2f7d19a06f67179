package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperAnalyzers;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommonWordsTest {
  final LexicalQueries lexical = new LexicalQueries(PaperAnalyzers.perField());
  ByteBuffersDirectory dir;
  IndexReader reader;

  /** Ten papers: "model" in all of them, "graph" in six, "reasoning" in two. */
  @BeforeEach
  void index() throws IOException {
    dir = new ByteBuffersDirectory();
    try (var w = new IndexWriter(dir, new IndexWriterConfig(PaperAnalyzers.perField()))) {
      for (int i = 0; i < 10; i++) {
        String words = "model" + (i < 6 ? " graph" : "") + (i < 2 ? " reasoning" : "");
        Document d = new Document();
        d.add(new TextField(IndexFields.TITLE, "Paper " + i, Field.Store.NO));
        d.add(new TextField(IndexFields.ABSTRACT, "A " + words + " study.", Field.Store.NO));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    dir.close();
  }

  CommonWords.Finding prune(String text) throws IOException {
    return CommonWords.prune(lexical.parse(text), reader, 1);
  }

  @Test
  void wordsInMoreThanHalfThePapersAreLeftOutOfFinding() throws IOException {
    CommonWords.Finding f = prune("model reasoning");
    assertThat(f.query().toString()).contains("reasoning").doesNotContain("model");
    assertThat(f.droppedDocFreq())
        .isEqualTo(10); // the whole query matches at least the papers with "model"
    assertThat(prune("graph model reasoning").query().toString())
        .doesNotContain("model", "graph")
        .contains("reasoning");
  }

  @Test
  void aQueryOfCommonWordsOnlyKeepsThemAll() throws IOException {
    assertThat(prune("model graph").pruned()).isFalse();
  }

  @Test
  void phrasesRequiredWordsAndExclusionsStay() throws IOException {
    assertThat(prune("\"model study\" reasoning").query().toString()).contains("\"model study\"");
    assertThat(prune("+model reasoning").pruned()).isFalse(); // a required word is not ranking-only
    CommonWords.Finding excluding = prune("model reasoning -graph");
    assertThat(excluding.query().toString())
        .contains("-(")
        .contains("graph")
        .doesNotContain("model");
  }

  @Test
  void aSmallLibraryIsNeverPruned() throws IOException {
    Query q = lexical.parse("model reasoning");
    assertThat(CommonWords.prune(q, reader).query())
        .isSameAs(q); // 10 papers, far below FROM_PAPERS
  }
}
