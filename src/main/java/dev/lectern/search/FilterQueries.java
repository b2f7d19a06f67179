package dev.lectern.search;

import dev.lectern.index.IndexFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * {@link Filters} as a Lucene query that only restricts (no scoring), for lexical search and kNN
 * alike.
 */
final class FilterQueries {
  /** Words of an author name may sit this far apart ("Ada Lovelace" finds "Ada King Lovelace"). */
  private static final int AUTHOR_SLOP = 2;

  private final QueryBuilder authorWords;

  FilterQueries(Analyzer analyzer) {
    this.authorWords = new QueryBuilder(analyzer);
  }

  /** The filter, or null when nothing is restricted. */
  Query build(Filters f) {
    if (f.isEmpty()) return null;
    List<Query> all = new ArrayList<>();
    if (!f.categories().isEmpty()) all.add(categories(f));
    if (f.from() != null || f.to() != null) {
      long lo = f.from() == null ? Long.MIN_VALUE : f.from().toEpochDay();
      long hi = f.to() == null ? Long.MAX_VALUE : f.to().toEpochDay();
      all.add(LongPoint.newRangeQuery(IndexFields.SUBMITTED, lo, hi));
    }
    if (f.author() != null) {
      Query a = authorWords.createPhraseQuery(IndexFields.AUTHORS, f.author(), AUTHOR_SLOP);
      // a name of punctuation only analyzes to nothing: it can match no paper
      all.add(a == null ? new MatchNoDocsQuery("author name without letters") : a);
    }
    if (all.size() > 1) return new FilterConjunction(all);
    return new BooleanQuery.Builder().add(all.getFirst(), Occur.FILTER).build();
  }

  private static Query categories(Filters f) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String cat : f.categories()) {
      any.add(new TermQuery(new Term(IndexFields.CATEGORY, cat)), Occur.SHOULD);
      // "cs" also means every cs.* category (but "hep-th" stays itself: it has no subcategories)
      if (!cat.contains("."))
        any.add(new PrefixQuery(new Term(IndexFields.CATEGORY, cat + ".")), Occur.SHOULD);
    }
    return any.build();
  }

  /** The lexical or semantic query restricted by the filter. */
  static Query restrict(Query q, Query filter) {
    if (filter == null) return q;
    return new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
  }
}
