package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperAnalyzers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class LexicalQueriesTest {
  final LexicalQueries lexical = new LexicalQueries(PaperAnalyzers.perField());

  @Test
  void forScoringPlainWordsTakeTitleAndAbstractAsOneFieldAndStillMatchAuthors() {
    Query q = lexical.parseCombined("graph transformers");
    assertThat(leaves(q)).filteredOn(CombinedFieldQuery.class::isInstance).hasSize(2);
    assertThat(q.toString()).contains("authors:graph", "authors:transformers");
  }

  @Test
  void forFindingPlainWordsStayPerField() {
    // per-field term queries carry the score bounds that let Lucene skip papers; BM25F has none
    Query q = lexical.parse("graph transformers");
    assertThat(leaves(q))
        .noneMatch(CombinedFieldQuery.class::isInstance)
        .extracting(Query::toString)
        .contains("title:graph", "abstract:graph", "authors:graph");
  }

  @Test
  void phrasesAndFieldsKeepTheirPerFieldQueriesEitherWay() {
    assertThat(leaves(lexical.parseCombined("\"graph transformers\"")))
        .noneMatch(CombinedFieldQuery.class::isInstance)
        .anyMatch(PhraseQuery.class::isInstance);
    assertThat(lexical.parseCombined("title:graph").toString()).isEqualTo("title:graph");
  }

  @Test
  void aWordCommonInAbstractsCountsAsCommonInTheTitleToo() throws IOException {
    // "how" is in most abstracts but one title: scored per field, that title's rarity would make
    // "how" worth
    // more than "arithmetic", which few papers have at all; as one field it is the common word it
    // is
    try (var dir = new ByteBuffersDirectory()) {
      try (var w = new IndexWriter(dir, new IndexWriterConfig(PaperAnalyzers.perField()))) {
        add(w, "how", "How and how", "We ask how.");
        add(w, "arithmetic", "Learning to add numbers", "We study arithmetic in small networks.");
        add(w, "counting", "Counting", "Arithmetic of counting.");
        for (int i = 0; i < 7; i++)
          add(w, "filler" + i, "Filler " + i, (i < 5 ? "We show how " : "On ") + "task " + i);
      }
      try (var reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        List<String> top = new ArrayList<>();
        for (ScoreDoc d : s.search(lexical.parseCombined("how arithmetic"), 2).scoreDocs) {
          top.add(s.storedFields().document(d.doc).get(IndexFields.ID));
        }
        assertThat(top).containsExactlyInAnyOrder("arithmetic", "counting");
      }
    }
  }

  private static void add(IndexWriter w, String id, String title, String abstractText)
      throws IOException {
    Document d = new Document();
    d.add(new StringField(IndexFields.ID, id, Field.Store.YES));
    d.add(new TextField(IndexFields.TITLE, title, Field.Store.NO));
    d.add(new TextField(IndexFields.ABSTRACT, abstractText, Field.Store.NO));
    w.addDocument(d);
  }

  /** The leaf queries of a tree of boolean and boosted queries. */
  private static List<Query> leaves(Query q) {
    List<Query> out = new ArrayList<>();
    switch (q) {
      case BooleanQuery b -> b.clauses().forEach(c -> out.addAll(leaves(c.query())));
      case BoostQuery b -> out.addAll(leaves(b.getQuery()));
      default -> out.add(q);
    }
    return out;
  }
}
