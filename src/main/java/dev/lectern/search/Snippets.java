package dev.lectern.search;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperDocuments.StoredPaper;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Marked titles and abstract passages for a page of hits. Output is HTML: the LaTeX decoded as a
 * reader expects it ({@link MarkedPassages}), matched words wrapped in {@code <mark>...</mark>},
 * math in {@code <span class="math">} and everything else escaped, so a web page can show it as is
 * and a terminal can swap the tags for its own emphasis. Offsets come from the postings, so nothing
 * is re-analyzed.
 */
final class Snippets {
  static final String OPEN = "<mark>";
  static final String CLOSE = "</mark>";
  private static final int PASSAGES = 2;
  private static final int OPENING_CHARS = 240;

  /**
   * Abstract passages are runs of sentences at least this long, so a split at "e.g." leaves no
   * stub.
   */
  private static final int PASSAGE_MIN_CHARS = 80;

  private static final String[] FIELDS = {IndexFields.TITLE, IndexFields.ABSTRACT};

  /** Titles and snippets in the order of {@code docs}. */
  record Marked(String[] titles, String[] snippets) {}

  private Snippets() {}

  /**
   * Marks the page's titles and abstracts; {@code papers[i]} is {@code docs[i]} as the caller
   * already read it from the stored fields: the highlighter would otherwise read every document a
   * second time, and decompressing stored fields was the largest single cost of a search page.
   */
  static Marked mark(
      IndexSearcher searcher, Analyzer analyzer, Query lexical, int[] docs, StoredPaper[] papers)
      throws IOException {
    if (lexical == null || docs.length == 0) return unmarked(papers);
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new MarkedPassages())
            .withMaxNoHighlightPassages(
                1) // no match in the field: show its opening rather than nothing
            .withMaxLength(20_000)
            .withScorer(new LeanPassageScorer())
            // the Matches API marks a matched phrase as one span, but builds a scorer per document
            // and costs
            // several times more than marking term by term: only worth it when the query has a
            // phrase
            .withWeightMatches(hasPhrase(lexical));
    Map<String, String[]> marked =
        new PageHighlighter(builder, docs, papers)
            .highlightFields(FIELDS, lexical, docs, new int[] {1, PASSAGES});
    String[] titles = marked.get(IndexFields.TITLE);
    String[] snippets = marked.get(IndexFields.ABSTRACT);
    for (int i = 0; i < docs.length; i++) {
      if (titles[i] == null) titles[i] = plainTitle(papers[i]);
      if (snippets[i] == null) snippets[i] = plainSnippet(papers[i]);
    }
    return new Marked(titles, snippets);
  }

  /**
   * A highlighter for one page whose texts are already loaded, with passage boundaries that cost
   * little: a title is one passage, an abstract splits into sentences by {@link SentenceBreaks}
   * (the JDK's iterator was a large share of the marking's cost).
   */
  private static final class PageHighlighter extends UnifiedHighlighter {
    private final int[] docs;
    private final StoredPaper[] papers;
    private final PageMatches matches;

    PageHighlighter(Builder builder, int[] docs, StoredPaper[] papers) {
      super(builder);
      this.docs = docs;
      this.papers = papers;
      this.matches = new PageMatches(builder.getIndexSearcher().getIndexReader());
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return IndexFields.TITLE.equals(field)
          ? new WholeBreakIterator()
          : LengthGoalBreakIterator.createMinLength(new SentenceBreaks(), PASSAGE_MIN_CHARS, 0f);
    }

    /**
     * The values of every remaining document in one batch, in the order the iterator gives (by doc
     * id).
     */
    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        StoredPaper p = papers[indexOf(doc)];
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          values[f] =
              IndexFields.TITLE.equals(fields[f])
                  ? p.title()
                  : IndexFields.ABSTRACT.equals(fields[f]) ? p.abstractText() : null;
        }
        out.add(values);
      }
      return out;
    }

    /** Offsets from the postings, read the cheaper ways {@link PageOffsets} describes. */
    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.POSTINGS
          ? new PageOffsets(components, matches)
          : super.getOffsetStrategy(source, components);
    }

    private int indexOf(int doc) {
      for (int i = 0; i < docs.length; i++) if (docs[i] == doc) return i;
      throw new IllegalStateException(
          "document " + doc + " is not on this page: " + Arrays.toString(docs));
    }
  }

  /**
   * One field's offsets for the papers of a page, which the highlighter visits in increasing
   * document order. Lucene's strategy looks every query term up in the terms dictionary again for
   * each paper and opens a new postings enum on it; here each term is looked up once per page and
   * its enum moves forward from paper to paper, which marks a page faster (see
   * docs/performance.md). A query with a phrase asks the Matches API instead, with one weight for
   * the page ({@link PageMatches}).
   */
  private static final class PageOffsets extends PostingsOffsetStrategy {
    private final PageMatches matches;
    private final Map<BytesRef, PostingsEnum> postings = new HashMap<>();
    private LeafReader segment; // the segment the enums read
    private int lastDoc = -1;

    PageOffsets(UHComponents components, PageMatches matches) {
      super(components);
      this.matches = matches;
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // the very segment reader and query object seen before
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content)
        throws IOException {
      // papers come in increasing order, segment by segment; should one ever come back, start
      // afresh
      if (reader != segment || doc <= lastDoc) {
        postings.clear();
        segment = reader;
      }
      lastDoc = doc;
      return super.getOffsetsEnum(reader, doc, content);
    }

    @Override
    protected void createOffsetsEnumsForTerms(
        BytesRef[] queryTerms, Terms termsIndex, int doc, List<OffsetsEnum> results)
        throws IOException {
      TermsEnum lookup = null;
      for (BytesRef term : queryTerms) {
        if (!postings.containsKey(term)) {
          if (lookup == null) lookup = termsIndex.iterator();
          postings.put(
              term, lookup.seekExact(term) ? lookup.postings(null, PostingsEnum.OFFSETS) : null);
        }
        PostingsEnum p = postings.get(term);
        if (p == null) continue; // no paper has the term in this field
        // an enum already past this paper is at the term's next paper: this one does not have it
        int at = p.docID() < doc ? p.advance(doc) : p.docID();
        if (at == doc) results.add(new OffsetsEnum.OfPostings(term, p));
      }
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(
        LeafReader reader, int doc, List<OffsetsEnum> results) throws IOException {
      matches.of(components, reader, doc, results);
    }
  }

  /**
   * Where a query matches in each paper of a page, by the Matches API (which marks a matched phrase
   * as one span), from one weight for the whole page. Lucene's highlighter rewrites the query and
   * builds a new weight for every paper and field, looking each of its terms up again; one weight
   * marks a page of a phrase query about twice as fast (see docs/performance.md).
   */
  private static final class PageMatches {
    private final IndexReader reader;
    private IndexSearcher searcher; // made on first use: most queries have no phrase
    private Query query;
    private Weight weight;

    PageMatches(IndexReader reader) {
      this.reader = reader;
    }

    void of(UHComponents components, LeafReader reader, int doc, List<OffsetsEnum> results)
        throws IOException {
      Matches matches = weight(components.query()).matches(contextOf(reader), doc);
      if (matches == null) return;
      for (String field : matches) {
        if (!components.fieldMatcher().test(field)) continue;
        MatchesIterator iterator = matches.getMatches(field);
        if (iterator != null) results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
      }
    }

    @SuppressWarnings("ReferenceEquality") // the very segment reader and query object seen before
    private Weight weight(Query q) throws IOException {
      if (searcher == null) {
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null); // marking a page is not a use the cache should count
      }
      if (q != query) {
        weight = searcher.rewrite(q).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        query = q;
      }
      return weight;
    }

    @SuppressWarnings("ReferenceEquality") // the very segment reader and query object seen before
    private LeafReaderContext contextOf(LeafReader reader) {
      for (LeafReaderContext leaf : this.reader.leaves()) if (leaf.reader() == reader) return leaf;
      throw new IllegalStateException("the highlighter read a segment its searcher does not have");
    }
  }

  /**
   * Lucene's passage score (BM25-like over the passage's matches), counting the distinct terms with
   * a linear scan: the stock scorer builds a hash table with a 32 KB block for every passage it
   * scores, and an abstract has a dozen passages.
   */
  static final class LeanPassageScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      double score = 0;
      for (int i = 0; i < matches; i++) {
        if (seenBefore(terms, i)) continue;
        int inPassage = 1;
        for (int j = i + 1; j < matches; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
        score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
      }
      return (float) (score * norm(passage.getStartOffset()));
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
      for (int j = 0; j < i; j++) if (terms[j].bytesEquals(terms[i])) return true;
      return false;
    }
  }

  static boolean hasPhrase(Query q) {
    boolean[] found = {false};
    q.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            if (query instanceof PhraseQuery || query instanceof MultiPhraseQuery) found[0] = true;
          }
        });
    return found[0];
  }

  /**
   * The titles and the openings of the abstracts, decoded and escaped: for semantic hits and
   * browsing.
   */
  static Marked unmarked(StoredPaper[] papers) {
    String[] titles = new String[papers.length];
    String[] snippets = new String[papers.length];
    for (int i = 0; i < papers.length; i++) {
      titles[i] = plainTitle(papers[i]);
      snippets[i] = plainSnippet(papers[i]);
    }
    return new Marked(titles, snippets);
  }

  private static String plainTitle(StoredPaper p) {
    return HitText.html(p.title());
  }

  private static String plainSnippet(StoredPaper p) {
    return HitText.openingHtml(p.abstractText(), OPENING_CHARS);
  }
}
