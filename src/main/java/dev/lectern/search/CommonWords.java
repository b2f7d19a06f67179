package dev.lectern.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Leaves the words that most papers contain out of the query that <em>finds</em> a search's
 * candidates; they still count where the candidates are <em>ranked</em> (BM25F scores every query
 * word). A word in more than half of the papers says almost nothing about which paper is wanted:
 * its Robertson–Spärck Jones weight, log((N - df + 0.5) / (df + 0.5)), the IDF that BM25 descends
 * from, is zero or negative there. But its postings list is the longest of the query's, and on a
 * large library walking it is most of a search's cost (docs/performance.md).
 *
 * <p>Only a plain disjunction of words is pruned (what a typed query mostly is; exclusions may come
 * with it), never all of its words, and only on a library of at least {@link #FROM_PAPERS} papers,
 * where searching costs enough to matter; a smaller library keeps exact match counts.
 */
final class CommonWords {
  /** Share of the papers above which a word is left out of finding. */
  static final double MAX_SHARE = 0.5;

  static final int FROM_PAPERS = 50_000;

  /**
   * The finding query, and the largest document frequency among the words left out (0 when none
   * was): a lower bound on how many papers the whole query matches.
   */
  record Finding(Query query, long droppedDocFreq) {
    boolean pruned() {
      return droppedDocFreq > 0;
    }
  }

  private CommonWords() {}

  static Finding prune(Query q, IndexReader reader) throws IOException {
    return prune(q, reader, FROM_PAPERS);
  }

  static Finding prune(Query q, IndexReader reader, int fromPapers) throws IOException {
    int papers = reader.maxDoc(); // document frequencies count deleted papers too
    Finding unchanged = new Finding(q, 0);
    if (papers < fromPapers
        || !(q instanceof BooleanQuery b)
        || b.getMinimumNumberShouldMatch() > 0) return unchanged;
    List<BooleanClause> kept = new ArrayList<>();
    long dropped = 0;
    int wordsKept = 0;
    for (BooleanClause c : b.clauses()) {
      if (c.occur() == Occur.MUST || c.occur() == Occur.FILTER)
        return unchanged; // SHOULD words only rank there
      if (c.occur() == Occur.SHOULD) {
        long df = wordDocFreq(c.query(), reader);
        if (df > papers * MAX_SHARE) {
          dropped = Math.max(dropped, df);
          continue;
        }
        wordsKept++;
      }
      kept.add(c);
    }
    if (dropped == 0 || wordsKept == 0) return unchanged;
    BooleanQuery.Builder out = new BooleanQuery.Builder();
    kept.forEach(out::add);
    return new Finding(out.build(), dropped);
  }

  /**
   * A word's document frequency, the largest over the fields it is searched in ({@code title:w
   * abstract:w authors:w}); -1 for anything but a word (a phrase, a wildcard, a group), which is
   * never left out.
   */
  static long wordDocFreq(Query q, IndexReader reader) throws IOException {
    long df = termDocFreq(q, reader);
    if (df >= 0
        || !(q instanceof BooleanQuery b)
        || b.clauses().isEmpty()
        || b.getMinimumNumberShouldMatch() > 0) {
      return df;
    }
    long max = -1;
    for (BooleanClause c : b.clauses()) {
      long fieldDf = c.occur() == Occur.SHOULD ? termDocFreq(c.query(), reader) : -1;
      if (fieldDf < 0) return -1;
      max = Math.max(max, fieldDf);
    }
    return max;
  }

  /** A (boosted) term's document frequency; -1 for any other query. */
  private static long termDocFreq(Query q, IndexReader reader) throws IOException {
    Query inner = q instanceof BoostQuery boost ? boost.getQuery() : q;
    return inner instanceof TermQuery t ? reader.docFreq(t.getTerm()) : -1;
  }
}
