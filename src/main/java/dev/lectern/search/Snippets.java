package dev.lectern.search;

import dev.lectern.index.IndexFields;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Marked titles and abstract passages for a page of hits. Output is HTML: matched words are wrapped in
 * {@code <mark>...</mark>} and everything else is escaped, so a web page can show it as is and a terminal
 * can swap the two tags for its own emphasis. Offsets come from the postings, so nothing is re-analyzed.
 */
final class Snippets {
  static final String OPEN = "<mark>";
  static final String CLOSE = "</mark>";
  private static final int PASSAGES = 2;
  private static final int OPENING_CHARS = 240;

  /** Titles and snippets in the order of {@code docs}. */
  record Marked(String[] titles, String[] snippets) {}

  static Marked mark(IndexSearcher searcher, Analyzer analyzer, Query lexical, int[] docs) throws IOException {
    if (lexical == null || docs.length == 0) return unmarked(searcher, docs);
    UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter(OPEN, CLOSE, " … ", true))
        .withMaxNoHighlightPassages(1) // no match in the field: show its opening rather than nothing
        .withMaxLength(20_000)
        // the Matches API marks a matched phrase as one span, but builds a scorer per document and costs
        // several times more than marking term by term: only worth it when the query has a phrase
        .withWeightMatches(hasPhrase(lexical))
        .build();
    Map<String, String[]> marked = h.highlightFields(new String[] {IndexFields.TITLE, IndexFields.ABSTRACT},
        lexical, docs, new int[] {1, PASSAGES});
    String[] titles = marked.get(IndexFields.TITLE);
    String[] snippets = marked.get(IndexFields.ABSTRACT);
    Marked plain = null;
    for (int i = 0; i < docs.length; i++) {
      if (titles[i] == null || snippets[i] == null) {
        if (plain == null) plain = unmarked(searcher, docs);
        if (titles[i] == null) titles[i] = plain.titles()[i];
        if (snippets[i] == null) snippets[i] = plain.snippets()[i];
      }
    }
    return new Marked(titles, snippets);
  }

  static boolean hasPhrase(Query q) {
    boolean[] found = {false};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        if (query instanceof PhraseQuery || query instanceof MultiPhraseQuery) found[0] = true;
      }
    });
    return found[0];
  }

  /** The title and the opening of the abstract, escaped: for semantic hits and browsing. */
  static Marked unmarked(IndexSearcher searcher, int[] docs) throws IOException {
    String[] titles = new String[docs.length];
    String[] snippets = new String[docs.length];
    var stored = searcher.storedFields();
    for (int i = 0; i < docs.length; i++) {
      var d = stored.document(docs[i]);
      titles[i] = escape(d.get(IndexFields.TITLE));
      snippets[i] = escape(opening(d.get(IndexFields.ABSTRACT)));
    }
    return new Marked(titles, snippets);
  }

  static String opening(String text) {
    if (text == null) return "";
    if (text.length() <= OPENING_CHARS) return text;
    int cut = text.lastIndexOf(' ', OPENING_CHARS);
    return text.substring(0, cut > OPENING_CHARS / 2 ? cut : OPENING_CHARS) + " …";
  }

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#x27;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
