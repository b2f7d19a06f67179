package dev.lectern.search;

import dev.lectern.index.IndexFields;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Free text to a BM25 query over title (boosted), abstract and authors, with Lucene's classic syntax:
 * {@code "phrases"}, AND/OR/NOT, {@code +word}, {@code -word}, parentheses, {@code title:} and
 * {@code abstract:}. Words are OR-ed: papers matching more of them rank higher, and a long natural-language
 * query still finds something. Input the syntax cannot read is retried with every operator escaped, so
 * hostile text degrades to a plain word search instead of an error.
 */
final class LexicalQueries {
  /**
   * A word in the title says more about a paper than the same word in its abstract, but the abstract has
   * the words a reader searches with too: a mild boost (measured on the dev set: 1.5 keeps nDCG@10 within
   * 0.01 of no boost, 2.5 lost 0.04).
   */
  static final float TITLE_BOOST = 1.5f;
  private static final Map<String, Float> BOOSTS =
      Map.of(IndexFields.TITLE, TITLE_BOOST, IndexFields.ABSTRACT, 1f, IndexFields.AUTHORS, 1f);
  private static final String[] FIELDS = {IndexFields.TITLE, IndexFields.ABSTRACT, IndexFields.AUTHORS};
  /** A colon not after one of our field names is text ("BERT: pre-training"), not a field. */
  private static final Pattern STRAY_COLON = Pattern.compile("(?<!\\b(?i:title|abstract))(?<!\\\\):");
  /** Regular expressions (/.../) can be arbitrarily expensive; a slash is never syntax here. */
  private static final Pattern SLASH = Pattern.compile("/");

  private final Analyzer analyzer;

  LexicalQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query for this text, or null when the text has no searchable word (empty, only stop words). */
  Query parse(String text) {
    if (text == null || text.isBlank()) return null;
    String tamed = SLASH.matcher(STRAY_COLON.matcher(text).replaceAll("\\\\:")).replaceAll("\\\\/");
    Query q;
    try {
      q = parser().parse(tamed);
    } catch (ParseException | RuntimeException e) {
      q = parseLiterally(text);
    }
    q = positive(q);
    return isEmpty(q) ? null : q;
  }

  /** Every character taken literally: unbalanced quotes, lone operators and the like become words. */
  private Query parseLiterally(String text) {
    String escaped = QueryParser.escape(text).replaceAll("\\b(AND|OR|NOT)\\b", "\\\\$1")
        .replace("\\AND", "and").replace("\\OR", "or").replace("\\NOT", "not");
    try {
      return parser().parse(escaped);
    } catch (ParseException | RuntimeException e) {
      throw new QueryException("the query could not be read even as plain words; try removing special characters");
    }
  }

  private MultiFieldQueryParser parser() {
    MultiFieldQueryParser p = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
    p.setDefaultOperator(QueryParser.Operator.OR);
    p.setAllowLeadingWildcard(false);
    p.setSplitOnWhitespace(true);
    return p;
  }

  private static boolean isEmpty(Query q) {
    if (q == null || q instanceof MatchNoDocsQuery) return true;
    if (q instanceof BooleanQuery b) {
      return b.clauses().isEmpty();
    }
    return false;
  }

  /** Only exclusions ("-survey") mean everything but those, which Lucene alone would read as nothing. */
  private static Query positive(Query q) {
    if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return q;
  }
}
