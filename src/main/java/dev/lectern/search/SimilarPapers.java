package dev.lectern.search;

import dev.lectern.index.IndexFields;
import dev.lectern.index.SearchableIndex;
import dev.lectern.index.PaperAnalyzers;
import dev.lectern.index.VectorLookup;
import dev.lectern.search.SearchResult.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "More like this paper": the nearest neighbours of the paper's stored vector fused by reciprocal rank with
 * MoreLikeThis over its title and abstract (distinctive words, BM25), so papers without a vector still get
 * neighbours and wording and meaning both count. Needs no query embedding.
 */
final class SimilarPapers {
  private final SearchableIndex index;

  SimilarPapers(SearchableIndex index) {
    this.index = index;
  }

  List<Hit> find(String id, int limit) {
    return index.search(s -> {
      Term idTerm = new Term(IndexFields.ID, id);
      TopDocs self = s.search(new TermQuery(idTerm), 1);
      if (self.scoreDocs.length == 0) throw new QueryException("no paper with id '" + id + "' is in the index");
      int doc = self.scoreDocs[0].doc;
      Query notSelf = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
          .add(new TermQuery(idTerm), Occur.MUST_NOT).build();
      int depth = Math.max(SearchService.FUSION_DEPTH, limit);
      float[] vector = VectorLookup.vectorOf(s, doc);
      TopDocs semantic = vector == null ? new TopDocs(new org.apache.lucene.search.TotalHits(0, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), new ScoreDoc[0])
          : s.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, depth, notSelf), depth);
      TopDocs lexical = s.search(FilterQueries.restrict(moreLikeThis(s, doc), notSelf), depth);
      ScoreDoc[] fused = byRank(lexical, semantic);
      return Hits.page(s, index.analyzer(), null, fused, 0, limit);
    });
  }

  /**
   * Neighbours and more-like-this fused by reciprocal rank: MoreLikeThis scores depend on the paper's own
   * length and words, so only their order is comparable from one paper to the next.
   */
  private static ScoreDoc[] byRank(TopDocs lexical, TopDocs semantic) {
    java.util.List<Integer> a = new java.util.ArrayList<>();
    for (ScoreDoc d : lexical.scoreDocs) a.add(d.doc);
    java.util.List<Integer> b = new java.util.ArrayList<>();
    for (ScoreDoc d : semantic.scoreDocs) b.add(d.doc);
    return Fusion.rrf(java.util.List.of(a, b), Fusion.DEFAULT_K).stream()
        .map(f -> new ScoreDoc(f.item(), (float) f.score())).toArray(ScoreDoc[]::new);
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
