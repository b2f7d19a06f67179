package dev.lectern.search;

import dev.lectern.index.IndexFields;
import dev.lectern.paper.Latex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Free text to a BM25 query over title (boosted), abstract and authors, with Lucene's classic
 * syntax: {@code "phrases"}, AND/OR/NOT, {@code +word}, {@code -word}, parentheses, {@code title:}
 * and {@code abstract:}. Words are OR-ed: papers matching more of them rank higher, and a long
 * natural-language query still finds something. For ranking found papers, {@link #parseCombined}
 * scores a plain word over title and abstract together as one field (BM25F). Input the syntax
 * cannot read is retried with every operator escaped, so hostile text degrades to a plain word
 * search instead of an error.
 */
final class LexicalQueries {
  /**
   * A word in the title says more about a paper than the same word in its abstract, but the
   * abstract has the words a reader searches with too: a mild boost. For plain words it weighs each
   * title occurrence as 1.5 in BM25F's combined term frequency and length (on the dev set the
   * weight hardly matters); for phrases and wildcards it multiplies the title's BM25 score. See
   * docs/relevance.md.
   */
  static final float TITLE_BOOST = 1.5f;

  private static final Map<String, Float> BOOSTS =
      Map.of(IndexFields.TITLE, TITLE_BOOST, IndexFields.ABSTRACT, 1f, IndexFields.AUTHORS, 1f);
  private static final String[] FIELDS = {
    IndexFields.TITLE, IndexFields.ABSTRACT, IndexFields.AUTHORS
  };

  /**
   * A colon not after one of our field names is text ("BERT: pre-training", "foo:graph", a pasted
   * URL), not a field: it becomes a space, since escaped between two letters the analyzer would
   * keep "foo:graph" as one word that no paper has.
   */
  private static final Pattern STRAY_COLON =
      Pattern.compile("(?<!\\b(?i:title|abstract))(?<!\\\\):");

  /** Regular expressions (/.../) can be arbitrarily expensive; a slash is never syntax here. */
  private static final Pattern SLASH = Pattern.compile("/");

  private final Analyzer analyzer;

  LexicalQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The query that finds papers by this text, or null when the text has no searchable word (empty,
   * only stop words). Plain words are scored per field, which Lucene can rank fast: each field's
   * postings carry the score bounds that let it skip papers that cannot make the top.
   */
  Query parse(String text) {
    return parse(text, false);
  }

  /**
   * The same query with each plain word scored by BM25F over title and abstract (see {@link
   * CombinedFieldsParser}): it ranks better, but has no score bounds to skip by, so it is for
   * scoring a few hundred candidates, not for finding them among a million, where it is slower than
   * the per-field query, several times so in the tail (see docs/performance.md).
   */
  Query parseCombined(String text) {
    return parse(text, true);
  }

  private Query parse(String text, boolean combined) {
    if (text == null || text.isBlank()) return null;
    // an accent typed in LaTeX (Gr\"obner) before the parser reads its backslash as an escape; the
    // analyzer
    // decodes the rest (math, braces) of what reaches it
    text = Latex.decodeLetters(text);
    String tamed = SLASH.matcher(STRAY_COLON.matcher(text).replaceAll(" ")).replaceAll("\\/");
    Query q;
    try {
      q = parser(combined).parse(tamed);
    } catch (ParseException | RuntimeException e) {
      q = parseLiterally(text, combined);
    }
    q = positive(q);
    return isEmpty(q) ? null : q;
  }

  /**
   * Every character taken literally: unbalanced quotes, lone operators and the like become words.
   */
  private Query parseLiterally(String text, boolean combined) {
    String escaped =
        QueryParser.escape(text)
            .replaceAll("\\b(AND|OR|NOT)\\b", "\\\\$1")
            .replace("\\AND", "and")
            .replace("\\OR", "or")
            .replace("\\NOT", "not");
    try {
      return parser(combined).parse(escaped);
    } catch (ParseException | RuntimeException e) {
      throw new QueryException(
          "the query could not be read even as plain words; try removing special characters");
    }
  }

  private MultiFieldQueryParser parser(boolean combined) {
    MultiFieldQueryParser p =
        combined
            ? new CombinedFieldsParser(FIELDS, analyzer, BOOSTS)
            : new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
    p.setDefaultOperator(QueryParser.Operator.OR);
    p.setAllowLeadingWildcard(false);
    p.setSplitOnWhitespace(true);
    return p;
  }

  /**
   * BM25F (Robertson, Zaragoza and Taylor 2004) for plain words: each word (each position of its
   * analysis) is one {@link CombinedFieldQuery} over title and abstract, scoring the paper as if
   * the two were one field in which a title occurrence counts {@link #TITLE_BOOST} times. Summing a
   * BM25 score per field instead counts a word's IDF once per field it occurs in and saturates its
   * frequency per field, so a paper with a common word in both title and abstract ("how ... how")
   * outranks one with a rare word in one of them; BM25F saturates the frequency once, over the
   * whole paper, and ranks the dev set better, alone and in hybrid search (docs/relevance.md).
   * Author names stay a separate clause: they have their own analyzer. Phrases, field-qualified
   * words and wildcards keep the per-field queries, whose positions and analysis BM25F does not
   * cover.
   */
  private static final class CombinedFieldsParser extends MultiFieldQueryParser {
    CombinedFieldsParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
      super(fields, analyzer, boosts);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      if (field != null || quoted) return super.getFieldQuery(field, queryText, quoted);
      List<List<BytesRef>> positions =
          analyzed(IndexFields.TITLE, queryText); // the abstract's analyzer too
      if (positions.isEmpty()) return super.getFieldQuery(field, queryText, quoted);
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (List<BytesRef> terms : positions) {
        // the analyzers put one term at a position; were there several, any of them would do
        for (BytesRef term : terms) {
          Query c =
              new CombinedFieldQuery.Builder(term)
                  .addField(IndexFields.TITLE, TITLE_BOOST)
                  .addField(IndexFields.ABSTRACT, 1f)
                  .build();
          b.add(c, BooleanClause.Occur.SHOULD);
        }
      }
      Query authors = super.getFieldQuery(IndexFields.AUTHORS, queryText, false);
      if (authors != null) b.add(authors, BooleanClause.Occur.SHOULD);
      BooleanQuery q = b.build();
      return q.clauses().size() == 1 ? q.clauses().getFirst().query() : q;
    }

    /** The terms at each position of the text's analysis for this field. */
    private List<List<BytesRef>> analyzed(String field, String text) throws ParseException {
      List<List<BytesRef>> positions = new ArrayList<>();
      try (TokenStream ts = getAnalyzer().tokenStream(field, text)) {
        TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (positions.isEmpty() || inc.getPositionIncrement() > 0)
            positions.add(new ArrayList<>());
          positions.getLast().add(BytesRef.deepCopyOf(term.getBytesRef()));
        }
        ts.end();
      } catch (IOException e) {
        throw new ParseException("could not analyze '" + text + "': " + e.getMessage());
      }
      return positions;
    }
  }

  private static boolean isEmpty(Query q) {
    if (q == null || q instanceof MatchNoDocsQuery) return true;
    if (q instanceof BooleanQuery b) {
      return b.clauses().isEmpty();
    }
    return false;
  }

  /**
   * Only exclusions ("-survey") mean everything but those, which Lucene alone would read as
   * nothing.
   */
  private static Query positive(Query q) {
    if (q instanceof BooleanQuery b
        && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all =
          new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return q;
  }
}
