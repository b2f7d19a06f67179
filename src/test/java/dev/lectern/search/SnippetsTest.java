package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperAnalyzers;
import dev.lectern.index.PaperDocuments.StoredPaper;
import dev.lectern.testing.TwoSegmentIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Marking a page whose papers lie in different segments of the index. */
class SnippetsTest {
  static final String[][] PAPERS = {
    {
      "Attention heads and factual recall",
      "We find attention heads that copy facts. Attention is sparse."
    },
    {"Protein folding", "Folding proteins with no attention at all."},
    {
      "Pruning attention heads", "Most attention heads can be pruned. Heads of attention differ."
    }, // 2nd segment
    {"Sinks in long contexts", "Streaming models keep attention sinks."},
  };

  static TwoSegmentIndex index;
  static IndexSearcher searcher;
  static LexicalQueries lexical = new LexicalQueries(PaperAnalyzers.perField());

  @BeforeAll
  static void build() throws IOException {
    FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    List<Document> docs = new ArrayList<>();
    for (String[] paper : PAPERS) {
      Document d = new Document();
      d.add(new Field(IndexFields.TITLE, paper[0], withOffsets));
      d.add(new Field(IndexFields.ABSTRACT, paper[1], withOffsets));
      docs.add(d);
    }
    index = TwoSegmentIndex.of(docs, 2);
    searcher = index.searcher();
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static StoredPaper paper(int doc) {
    return new StoredPaper(
        "p" + doc, PAPERS[doc][0], PAPERS[doc][1], List.of(), List.of(), null, null);
  }

  @Test
  void aPhraseIsMarkedAsOneSpanWhereItOccursInEverySegment() throws IOException {
    int[] docs = {2, 0};
    var marked =
        Snippets.mark(
            searcher,
            PaperAnalyzers.perField(),
            lexical.parse("\"attention heads\""),
            docs,
            new StoredPaper[] {paper(2), paper(0)});
    assertThat(marked.titles())
        .containsExactly(
            "Pruning <mark>attention heads</mark>",
            "<mark>Attention heads</mark> and factual recall");
    assertThat(marked.snippets()[0])
        .as("the words apart are not the phrase")
        .isEqualTo("Most <mark>attention heads</mark> can be pruned. Heads of attention differ.");
    assertThat(marked.snippets()[1])
        .isEqualTo("We find <mark>attention heads</mark> that copy facts. Attention is sparse.");
  }

  @Test
  void aPaperWithoutThePhraseOnAPhrasePageShowsItsOpeningUnmarked() throws IOException {
    // hybrid search puts papers found by meaning alone on the same page
    var marked =
        Snippets.mark(
            searcher,
            PaperAnalyzers.perField(),
            lexical.parse("\"attention heads\""),
            new int[] {1, 2},
            new StoredPaper[] {paper(1), paper(2)});
    assertThat(marked.titles())
        .containsExactly("Protein folding", "Pruning <mark>attention heads</mark>");
    assertThat(marked.snippets()[0]).isEqualTo("Folding proteins with no attention at all.");
  }

  @Test
  void plainWordsAreMarkedWhereverTheyOccurInEveryPaperOfThePage() throws IOException {
    int[] docs = {2, 1, 0};
    var marked =
        Snippets.mark(
            searcher,
            PaperAnalyzers.perField(),
            lexical.parse("attention folding"),
            docs,
            new StoredPaper[] {paper(2), paper(1), paper(0)});
    assertThat(marked.titles())
        .containsExactly(
            "Pruning <mark>attention</mark> heads",
            "Protein <mark>folding</mark>",
            "<mark>Attention</mark> heads and factual recall");
    assertThat(marked.snippets()[0])
        .isEqualTo(
            "Most <mark>attention</mark> heads can be pruned. Heads of <mark>attention</mark> differ.");
    assertThat(marked.snippets()[1])
        .isEqualTo("<mark>Folding</mark> proteins with no <mark>attention</mark> at all.");
    assertThat(marked.snippets()[2])
        .isEqualTo(
            "We find <mark>attention</mark> heads that copy facts. <mark>Attention</mark> is sparse.");
  }

  @Test
  void eachSegmentsPapersAreMarkedFromThatSegmentsPostings() throws IOException {
    // paper 3 is the second of its segment, so its number there (1) is after paper 0's (0) in the
    // first
    var marked =
        Snippets.mark(
            searcher,
            PaperAnalyzers.perField(),
            lexical.parse("attention"),
            new int[] {3, 0},
            new StoredPaper[] {paper(3), paper(0)});
    assertThat(marked.titles())
        .containsExactly(
            "Sinks in long contexts", "<mark>Attention</mark> heads and factual recall");
    assertThat(marked.snippets()[0])
        .isEqualTo("Streaming models keep <mark>attention</mark> sinks.");
  }
}
