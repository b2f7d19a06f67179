package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.PaperAnalyzers;
import dev.lectern.testing.TwoSegmentIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterConjunctionTest {
  TwoSegmentIndex index;
  DirectoryReader reader;
  IndexSearcher searcher;

  /**
   * 3,000 papers in two segments, every fifth deleted: a category (a third each), a day (0-999), a
   * word.
   */
  @BeforeEach
  void index() throws IOException {
    Random random = new Random(11);
    List<Document> docs = new ArrayList<>();
    List<Term> deleted = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Document d = new Document();
      d.add(new StringField("id", "p" + i, Field.Store.YES));
      d.add(new StringField("cat", "c" + random.nextInt(3), Field.Store.NO));
      d.add(new LongPoint("day", random.nextInt(1000)));
      d.add(new TextField("text", random.nextInt(50) == 0 ? "rare" : "common", Field.Store.NO));
      docs.add(d);
      if (i % 5 == 0) deleted.add(new Term("id", "p" + i));
    }
    index = TwoSegmentIndex.of(docs, 1401, deleted);
    reader = index.reader();
    searcher = index.searcher();
    searcher.setQueryCache(null); // each search reads the filters afresh
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  static Query category(String c) {
    return new TermQuery(new Term("cat", c));
  }

  static Query days(int from, int to) {
    return LongPoint.newRangeQuery("day", from, to);
  }

  static Query stepwise(Query... filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query f : filters) b.add(f, Occur.FILTER);
    return b.build();
  }

  @Test
  void passesTheSamePapersAsLucenesConjunction() throws IOException {
    assertThat(reader.leaves()).hasSize(2);
    Query[][] cases = {
      {category("c1"), days(200, 899)},
      {category("c0"), days(0, 499), new TermQuery(new Term("text", "common"))},
      {category("c2"), days(990, 999)}, // a narrow clause: 1% of the papers
      {category("c2"), new TermQuery(new Term("id", "p7"))}, // one paper
      {category("c1"), new TermQuery(new Term("cat", "none"))}, // a filter nothing passes
    };
    for (Query[] filters : cases) {
      FilterConjunction conjunction = new FilterConjunction(List.of(filters));
      assertThat(ids(conjunction)).as(conjunction.toString()).isEqualTo(ids(stepwise(filters)));
      // as a filter of other queries: led by a broad query and by a narrow one
      for (Query q :
          new Query[] {new MatchAllDocsQuery(), new TermQuery(new Term("text", "rare"))}) {
        assertThat(ids(FilterQueries.restrict(q, conjunction)))
            .as(q + " " + conjunction)
            .isEqualTo(ids(FilterQueries.restrict(q, stepwise(filters))));
      }
    }
  }

  @Test
  void broadFiltersAreReadIntoBitSetsAndANarrowOneLeadsTheConjunction() throws IOException {
    assertThat(
            firstScorer(new FilterConjunction(List.of(category("c1"), days(200, 899)))).iterator())
        .isInstanceOf(BitSetIterator.class);
    assertThat(
            firstScorer(
                    new FilterConjunction(
                        List.of(category("c1"), new TermQuery(new Term("id", "p7")))))
                .iterator())
        .isNotInstanceOf(BitSetIterator.class);
  }

  @Test
  void twoOrMoreFiltersMakeOneConjunctionAndALoneFilterDoesNot() {
    FilterQueries filters = new FilterQueries(PaperAnalyzers.perField());
    assertThat(filters.build(UserQuery.parse("x cat:cs.LG year:2023-2025").filters()))
        .isInstanceOf(FilterConjunction.class);
    assertThat(filters.build(UserQuery.parse("x cat:cs.LG").filters()))
        .isNotInstanceOf(FilterConjunction.class);
  }

  @Test
  void aFilterThatPassesNothingMakesTheConjunctionPassNothing() throws IOException {
    Query nothing =
        new FilterQueries(PaperAnalyzers.perField())
            .build(UserQuery.parse("x cat:c1 author:\"!!\"").filters()); // a name without letters
    assertThat(nothing).isInstanceOf(FilterConjunction.class);
    assertThat(searcher.count(nothing)).isZero();
    assertThat(searcher.count(FilterQueries.restrict(new MatchAllDocsQuery(), nothing))).isZero();
  }

  @Test
  void aFilterScoresNothingEitherWay() throws IOException {
    Query[] filters = {category("c1"), days(200, 899)};
    for (Query q : new Query[] {new FilterConjunction(List.of(filters)), stepwise(filters)}) {
      assertThat(searcher.search(q, 5).scoreDocs)
          .as(q.toString())
          .allSatisfy(d -> assertThat(d.score).isZero());
    }
  }

  private Scorer firstScorer(Query q) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    LeafReaderContext leaf = reader.leaves().getFirst();
    return w.scorerSupplier(leaf).get(Long.MAX_VALUE);
  }

  private List<Integer> ids(Query q) throws IOException {
    return Arrays.stream(searcher.search(q, 3000).scoreDocs).map(d -> d.doc).sorted().toList();
  }
}
