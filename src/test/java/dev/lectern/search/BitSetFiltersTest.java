package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperAnalyzers;
import dev.lectern.testing.TwoSegmentIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitSetFiltersTest {
  static final String[] WORDS = {
    "sparse", "efficient", "attention", "graph", "image", "editing", "model"
  };
  final LexicalQueries lexical = new LexicalQueries(PaperAnalyzers.perField());
  TwoSegmentIndex index;
  DirectoryReader reader;
  IndexSearcher searcher;

  /** 3,000 papers of random words in two segments, every seventh deleted, half in category "a". */
  @BeforeEach
  void index() throws IOException {
    Random random = new Random(3);
    List<Document> docs = new ArrayList<>();
    List<Term> deleted = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = 3 + random.nextInt(30); n > 0; n--)
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      Document d = new Document();
      d.add(new StringField("id", "p" + i, Field.Store.YES));
      d.add(new StringField("cat", i % 2 == 0 ? "a" : "b", Field.Store.NO));
      d.add(new TextField(IndexFields.TITLE, WORDS[random.nextInt(WORDS.length)], Field.Store.NO));
      d.add(new TextField(IndexFields.ABSTRACT, text.toString(), Field.Store.NO));
      docs.add(d);
      if (i % 7 == 0) deleted.add(new Term("id", "p" + i));
    }
    index = TwoSegmentIndex.of(docs, 1501, deleted);
    reader = index.reader();
    searcher = index.searcher();
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void findsTheSameBestMatchesWithTheSameScoresAsLucenesExclusion() throws IOException {
    assertThat(reader.leaves()).hasSize(2);
    assertThat(reader.numDeletedDocs()).isPositive();
    for (String text :
        new String[] {
          "efficient -sparse",
          "efficient attention -sparse -model",
          "graph -\"image editing\"",
          "+image editing -sparse",
          "-sparse -image"
        }) {
      Query q = lexical.parse(text);
      Query asBitSet = BitSetFilters.exclusions(q);
      if (!text.startsWith("-")) assertThat(asBitSet).as(text).isInstanceOf(RestrictedQuery.class);
      assertSameHits(text, searcher.search(q, 3000), searcher.search(asBitSet, 3000));
      assertSameHits(text + " (top 10)", searcher.search(q, 10), searcher.search(asBitSet, 10));
      // under a filter it is advanced as part of a conjunction rather than scored in bulk
      Query filter = new TermQuery(new Term("cat", "a"));
      assertSameHits(
          text + " in cat a",
          searcher.search(FilterQueries.restrict(q, filter), 3000),
          searcher.search(FilterQueries.restrict(asBitSet, filter), 3000));
    }
  }

  @Test
  void theFilterForSearchByMeaningExcludesWhatTheWordsExclude() throws IOException {
    Query words = lexical.parse("efficient -sparse");
    Query filter = new TermQuery(new Term("cat", "a"));
    Query both = BitSetFilters.alsoExcluding(filter, words);
    Query expected =
        FilterQueries.restrict(lexical.parse("-sparse"), filter); // everything in "a" but sparse
    assertThat(searcher.count(both)).isPositive().isEqualTo(searcher.count(expected));
    assertThat(searcher.count(BitSetFilters.alsoExcluding(null, words)))
        .isEqualTo(searcher.count(lexical.parse("-sparse")));
    assertThat(BitSetFilters.alsoExcluding(filter, lexical.parse("efficient"))).isSameAs(filter);
    assertThat(BitSetFilters.alsoExcluding(null, lexical.parse("efficient"))).isNull();
  }

  @Test
  void aBroadFilterIsABitSetWithTheSameBestMatchesAndScoresAsAConjunction() throws IOException {
    Query words = lexical.parse("efficient attention");
    Query broad = new TermQuery(new Term("cat", "a")); // half the papers
    Query restricted = BitSetFilters.restrict(words, broad, searcher);
    assertThat(restricted).isInstanceOf(RestrictedQuery.class);
    assertSameHits(
        "broad",
        searcher.search(FilterQueries.restrict(words, broad), 3000),
        searcher.search(restricted, 3000));
    assertSameHits(
        "broad, top 10",
        searcher.search(FilterQueries.restrict(words, broad), 10),
        searcher.search(restricted, 10));
    // advanced inside a conjunction too (a second filter)
    Query graph = lexical.parse("graph");
    assertSameHits(
        "nested",
        searcher.search(FilterQueries.restrict(FilterQueries.restrict(words, broad), graph), 3000),
        searcher.search(FilterQueries.restrict(restricted, graph), 3000));
    Query narrow =
        new TermQuery(new Term("id", "p1")); // one paper: Lucene's conjunction visits only it
    assertThat(BitSetFilters.restrict(words, narrow, searcher))
        .isNotInstanceOf(RestrictedQuery.class);
    assertThat(BitSetFilters.restrict(words, null, searcher)).isSameAs(words);
  }

  @Test
  void leavesQueriesWithoutExclusionsAsTheyAre() {
    Query q = lexical.parse("efficient attention");
    assertThat(BitSetFilters.exclusions(q)).isSameAs(q);
  }

  private void assertSameHits(String what, TopDocs expected, TopDocs actual) {
    assertThat(expected.scoreDocs).as(what).isNotEmpty();
    assertThat(docs(actual)).as(what).containsExactly(docs(expected));
    for (int i = 0; i < expected.scoreDocs.length; i++) {
      assertThat(actual.scoreDocs[i].score).as(what).isEqualTo(expected.scoreDocs[i].score);
    }
  }

  private static int[] docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).mapToInt((ScoreDoc d) -> d.doc).toArray();
  }
}
