package dev.lectern.search;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperDocuments;
import dev.lectern.index.PaperDocuments.StoredPaper;
import dev.lectern.search.SearchResult.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** Turns ranked documents into the hits of a page: stored fields plus marked title and snippet. */
final class Hits {
  /** Pages of this many hits or more are read and marked in two halves, on two cores. */
  static final int SPLIT_FROM = 4;

  private Hits() {}

  /**
   * The hits of {@code ranked} from {@code offset}; {@code marked}: with their marked titles and
   * snippets, else with both null (for lists that show neither).
   */
  static List<Hit> page(
      IndexSearcher s,
      Analyzer analyzer,
      Query text,
      ScoreDoc[] ranked,
      int offset,
      int limit,
      boolean marked)
      throws IOException {
    if (offset >= ranked.length) return List.of();
    ScoreDoc[] page = Arrays.copyOfRange(ranked, offset, Math.min(ranked.length, offset + limit));
    if (!marked) return hits(s, null, text, page);
    if (page.length < SPLIT_FROM) return hits(s, analyzer, text, page);
    // each hit is read and marked on its own: half the page on another core
    int half = page.length / 2;
    var both =
        OtherCore.alongside(
            "lectern-hits",
            () -> hits(s, analyzer, text, Arrays.copyOfRange(page, half, page.length)),
            () -> hits(s, analyzer, text, Arrays.copyOf(page, half)));
    List<Hit> out = new ArrayList<>(both.here());
    out.addAll(both.there());
    return out;
  }

  /** {@code analyzer} null: not marked. */
  private static List<Hit> hits(IndexSearcher s, Analyzer analyzer, Query text, ScoreDoc[] page)
      throws IOException {
    int[] docs = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
    var stored = s.storedFields();
    StoredPaper[] papers = new StoredPaper[docs.length];
    for (int i = 0; i < docs.length; i++)
      papers[i] = PaperDocuments.fromDocument(stored.document(docs[i]));
    Snippets.Marked marked =
        analyzer == null ? null : Snippets.mark(s, analyzer, text, docs, papers);
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      StoredPaper p = papers[i];
      float score = Float.isNaN(page[i].score) ? 0 : page[i].score; // sorted searches may not score
      hits.add(
          new Hit(
              p.id(),
              p.title(),
              p.authors(),
              p.categories(),
              p.submitted(),
              p.upvotes(),
              score,
              marked == null ? null : marked.titles()[i],
              marked == null ? null : marked.snippets()[i],
              p.abstractText()));
    }
    return hits;
  }

  static boolean hasVectors(IndexSearcher s) throws IOException {
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      FloatVectorValues v = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      if (v != null && v.size() > 0) return true;
    }
    return false;
  }
}
