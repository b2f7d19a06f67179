package dev.lectern.search;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperAnalyzers;
import dev.lectern.index.SearchableIndex;
import dev.lectern.index.VectorLookup;
import dev.lectern.search.SearchResult.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "More like this paper": the nearest neighbours of the paper's stored vector fused by reciprocal
 * rank with MoreLikeThis over its title and abstract (distinctive words, BM25), so papers without a
 * vector still get neighbours and wording and meaning both count. Needs no query embedding.
 */
final class SimilarPapers {
  private final SearchableIndex index;

  SimilarPapers(SearchableIndex index) {
    this.index = index;
  }

  List<Hit> find(String id, int limit) {
    return index.search(
        s -> {
          Term idTerm = new Term(IndexFields.ID, id);
          TopDocs self = s.search(new TermQuery(idTerm), 1);
          if (self.scoreDocs.length == 0)
            throw new QueryException("no paper with id '" + id + "' is in the index");
          int doc = self.scoreDocs[0].doc;
          int depth = Math.max(SearchService.FUSION_DEPTH, limit);
          float[] vector = VectorLookup.vectorOf(s, doc);
          // one more than needed, then the paper itself dropped: a filter of "every paper but this
          // one" would be
          // read into a bit set of the whole library first (at 1M papers, most of the lookup's
          // time); the
          // neighbours are found on another core while this one finds the papers with the same
          // distinctive words
          var both =
              OtherCore.alongside(
                  "lectern-similar",
                  () ->
                      vector == null
                          ? new ScoreDoc[0]
                          : without(
                              doc,
                              s.search(
                                  new KnnFloatVectorQuery(IndexFields.VECTOR, vector, depth + 1),
                                  depth + 1)),
                  () -> without(doc, s.search(moreLikeThis(s, doc), depth + 1)));
          ScoreDoc[] fused = byRank(both.here(), both.there());
          return Hits.page(s, index.analyzer(), null, fused, 0, limit, true);
        });
  }

  /**
   * Neighbours and more-like-this fused by reciprocal rank, weighted as hybrid search weighs
   * meaning and words ({@link SearchService#SEMANTIC_WEIGHT}): MoreLikeThis scores depend on the
   * paper's own length and words, so only their order is comparable from one paper to the next, and
   * the model's neighbours are the better guide: on the dev set, equal weights let MoreLikeThis
   * pull the neighbours down, and weighting meaning as hybrid search does ranked better (see
   * docs/relevance.md).
   */
  static ScoreDoc[] byRank(ScoreDoc[] lexical, ScoreDoc[] semantic) {
    List<Integer> a = new ArrayList<>();
    for (ScoreDoc d : lexical) a.add(d.doc);
    List<Integer> b = new ArrayList<>();
    for (ScoreDoc d : semantic) b.add(d.doc);
    double[] weights = {1 - SearchService.SEMANTIC_WEIGHT, SearchService.SEMANTIC_WEIGHT};
    return Fusion.rrf(List.of(a, b), weights, Fusion.DEFAULT_K).stream()
        .map(f -> new ScoreDoc(f.item(), (float) f.score()))
        .toArray(ScoreDoc[]::new);
  }

  /**
   * The hits without {@code doc}, at most one fewer than found: one more was asked for than is
   * needed, in case {@code doc} was among them.
   */
  static ScoreDoc[] without(int doc, TopDocs top) {
    List<ScoreDoc> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc d : top.scoreDocs) if (d.doc != doc) out.add(d);
    int keep = Math.min(out.size(), Math.max(0, top.scoreDocs.length - 1));
    return out.subList(0, keep).toArray(ScoreDoc[]::new);
  }

  private static Query moreLikeThis(IndexSearcher s, int doc) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setFieldNames(new String[] {IndexFields.TITLE, IndexFields.ABSTRACT});
    mlt.setAnalyzer(PaperAnalyzers.english());
    mlt.setMinTermFreq(1); // abstracts are short: a word said once can still be the point
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(30);
    Query q = mlt.like(doc);
    return q == null ? new BooleanQuery.Builder().build() : q;
  }
}
