package dev.lectern.search;

import dev.lectern.embed.Embedder;
import dev.lectern.index.IndexFields;
import dev.lectern.index.SearchableIndex;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult.Hit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * Searches the paper index: lexical (BM25 per field to find, BM25F to rank), semantic (kNN on the
 * query's embedding, filters applied inside the graph search, exact cosines to rank) or hybrid
 * (both fused by a weighted combination of normalized scores). Safe for concurrent use. Without an
 * embedder, or with one of another model than the index's vectors, semantic and hybrid searches run
 * lexically and say so in {@link SearchResult#notes()}.
 */
public final class SearchService {
  /**
   * Hits taken from each ranking before fusion: deep enough that fusion can promote a paper from
   * rank 100.
   */
  static final int FUSION_DEPTH = 100;

  /**
   * Best matches by words that a relevance-ranked search collects: re-ranked (BM25F) and counted by
   * the facets. Collecting few lets Lucene skip the papers that cannot make them (block-max WAND),
   * so as many as hybrid search fuses and no more; the dev set ranks alike with more (see
   * docs/performance.md).
   */
  static final int CANDIDATES = FUSION_DEPTH;

  /**
   * The deepest offset of {@link #newest}: a category's list reaches its 10,000th newest paper (a
   * Lucene top-N of that size is cheap); further back, a search with a date range goes on.
   */
  public static final int MAX_LIST_OFFSET = 10_000;

  /** Matches counted exactly before the total becomes a lower bound ("about N"). */
  static final int COUNT_EXACTLY_UP_TO = 1000;

  private final SearchableIndex index;
  private final Embedder embedder;
  private final String embedderProblem;
  private final LexicalQueries lexical;
  private final FilterQueries filters;
  private final FacetCounter facets = new FacetCounter();
  private final SimilarPapers similar;

  /**
   * @param embedder the query embedder, or null to search lexically only
   */
  public SearchService(SearchableIndex index, Embedder embedder) {
    this.index = index;
    this.embedderProblem =
        embedder == null
            ? "semantic search is unavailable (no embedding model loaded)"
            : !embedder.modelId().equals(index.model())
                ? "semantic search is unavailable: the query model "
                    + embedder.modelId()
                    + " differs from the index's "
                    + index.model()
                : null;
    this.embedder = embedderProblem == null ? embedder : null;
    this.lexical = new LexicalQueries(index.analyzer());
    this.filters = new FilterQueries(index.analyzer());
    this.similar = new SimilarPapers(index);
  }

  public SearchResult search(SearchRequest request) {
    return search(request, null);
  }

  /**
   * The search with the query's vector given instead of embedded (null: embed it as usual), for
   * example a paper's own vector: what {@link SearchWarmup} searches with, so that warming up never
   * runs the model. The vector must come from the index's model (see {@link
   * SearchableIndex#model()}); it is used even when this service has no model of its own.
   */
  public SearchResult search(SearchRequest request, float[] queryVector) {
    return search(request, queryVector, true);
  }

  /**
   * The ids of a search's hits, in the order {@link #search} ranks them, for lists that read the
   * papers themselves (exports and feeds): without the marked titles and snippets, the facets and
   * the exact total a page of hits shows, which took more than a third of an Atom feed's time.
   *
   * @throws QueryException for a query that cannot be searched
   */
  public List<String> ids(SearchRequest request) {
    return search(request, null, false).hits().stream().map(Hit::id).toList();
  }

  /** {@code page}: the hits marked and the facets counted, as a page of hits shows them. */
  private SearchResult search(SearchRequest request, float[] queryVector, boolean page) {
    long start = System.nanoTime();
    UserQuery parsed = UserQuery.parse(request.query());
    List<String> notes = new ArrayList<>(parsed.notes());
    Query filter = filters.build(request.filters().and(parsed.filters()));
    Query text = lexical.parse(parsed.text());
    Mode mode = request.mode();
    float[] vector = null;
    if (text == null) {
      mode = Mode.LEXICAL; // nothing to match: browse the filtered papers
    } else if (mode != Mode.LEXICAL) {
      String meaning = TextToEmbed.of(parsed.text(), text);
      // only exclusions: browse the rest by words
      vector = meaning.isEmpty() ? null : queryVector != null ? queryVector : embed(meaning, notes);
      if (vector == null) mode = Mode.LEXICAL;
    }
    Query scoring =
        text == null || mode == Mode.SEMANTIC
            ? null
            : Objects.requireNonNullElse(lexical.parseCombined(parsed.text()), text);
    Plan plan = new Plan(request, mode, text, scoring, filter, vector, page);
    SearchResult result;
    try {
      result = index.search(s -> run(s, plan, notes));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QueryException("the query expands to too many terms; use fewer words or wildcards");
    }
    return new SearchResult(
        result.totalHits(),
        result.totalIsExact(),
        result.hits(),
        result.facets(),
        result.facetsCountAll(),
        mode,
        List.copyOf(notes),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The papers matching {@code f}, newest first, counted exactly, with facets: an author's or a
   * category's papers. The author filter matches names as {@code author:} does (accents folded,
   * LaTeX decoded, words up to two apart). Papers without a submission date come last, and papers
   * of the same day in index order. {@code offset} is at most {@link #MAX_LIST_OFFSET}.
   */
  public SearchResult newest(Filters f, int offset, int limit) {
    long start = System.nanoTime();
    Query filter = filters.build(f);
    int from = Math.clamp(offset, 0, MAX_LIST_OFFSET);
    int size = Math.clamp(limit, 1, SearchRequest.MAX_LIMIT);
    SearchResult result =
        index.search(
            s -> {
              var all =
                  FacetsCollectorManager.search(
                      s,
                      filter == null ? new MatchAllDocsQuery() : filter,
                      from + size,
                      Sorts.of(SearchRequest.Sort.DATE, false),
                      false,
                      new FacetsCollectorManager());
              return new SearchResult(
                  all.topDocs().totalHits.value(),
                  true,
                  Hits.page(s, index.analyzer(), null, all.topDocs().scoreDocs, from, size, true),
                  facets.count(s.getIndexReader(), all.facetsCollector()),
                  true,
                  Mode.LEXICAL,
                  List.of(),
                  Duration.ZERO);
            });
    return new SearchResult(
        result.totalHits(),
        true,
        result.hits(),
        result.facets(),
        true,
        Mode.LEXICAL,
        List.of(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The text a search for {@code query} embeds: its words without filters and exclusions (see
   * {@link TextToEmbed}); empty when there is none.
   */
  public String textToEmbed(String query) {
    UserQuery parsed = UserQuery.parse(query);
    Query text = lexical.parse(parsed.text());
    return text == null ? "" : TextToEmbed.of(parsed.text(), text);
  }

  /**
   * Papers like the given one: its vector's neighbours fused with MoreLikeThis, itself excluded.
   */
  public List<Hit> similar(String id, int limit) {
    return similar.find(id, Math.clamp(limit, 1, SearchRequest.MAX_LIMIT));
  }

  /**
   * The query's embedding, before the search starts, on every core its session has; null (with a
   * note) when there is none. Embedding it on one core while the other searched the words measured
   * no better: ONNX Runtime's threads and the search's compete for the same cores, and one thread
   * makes the embedding slower (see docs/performance.md).
   */
  private float[] embed(String text, List<String> notes) {
    if (embedder == null) {
      notes.add(embedderProblem + "; showing keyword results");
      return null;
    }
    try {
      return embedder.embedQuery(text);
    } catch (RuntimeException e) {
      notes.add("semantic search failed (" + e.getMessage() + "); showing keyword results");
      return null;
    }
  }

  /**
   * What to run, decided before touching the index. {@code text} finds papers by words; {@code
   * scoring} (lexical and hybrid) is the same query scored by BM25F, for ranking the candidates it
   * found.
   */
  private record Plan(
      SearchRequest request,
      Mode mode,
      Query text,
      Query scoring,
      Query filter,
      float[] vector,
      boolean page,
      Query knnDone) {
    Plan(
        SearchRequest request,
        Mode mode,
        Query text,
        Query scoring,
        Query filter,
        float[] vector,
        boolean page) {
      this(request, mode, text, scoring, filter, vector, page, null);
    }

    /**
     * The same plan with the nearest-neighbour search already run: a kNN query does its work when
     * it is rewritten, and hybrid search needs its result twice (for the ranking, and for facets
     * and counts).
     */
    Plan withKnnRunOn(IndexSearcher s) throws IOException {
      return vector == null
          ? this
          : new Plan(request, mode, text, scoring, filter, vector, page, s.rewrite(knn()));
    }

    int window() {
      return request.offset() + request.limit();
    }

    Query lexical() {
      return FilterQueries.restrict(text == null ? new MatchAllDocsQuery() : text, filter);
    }

    Query knn() {
      if (knnDone != null) return knnDone;
      return new NearestNeighbours(
          IndexFields.VECTOR,
          vector,
          Math.max(FUSION_DEPTH, window()),
          BitSetFilters.alsoExcluding(filter, text));
    }

    /** Every paper the search matches: what facets and the total count describe. */
    Query matches() {
      return switch (mode) {
        case LEXICAL -> lexical();
        case SEMANTIC -> knn();
        case HYBRID ->
            new BooleanQuery.Builder()
                .add(lexical(), Occur.SHOULD)
                .add(knn(), Occur.SHOULD)
                .build();
      };
    }
  }

  private SearchResult run(IndexSearcher s, Plan unrun, List<String> notes) throws IOException {
    if (unrun.vector() != null && !Hits.hasVectors(s))
      notes.add("no paper has an embedding yet: run the embedder");
    var sort = Sorts.of(unrun.request().sort(), unrun.text() != null);
    if (sort != null) return sorted(s, unrun.withKnnRunOn(s), sort, notes);
    if (unrun.mode() != Mode.HYBRID) return ranked(s, unrun.withKnnRunOn(s), null, notes);
    // the graph search on another core while this one matches the words: neither waits for the
    // other
    var both =
        OtherCore.alongside("lectern-knn", () -> unrun.withKnnRunOn(s), () -> byWords(s, unrun));
    return ranked(s, both.there(), both.here(), notes);
  }

  /** Sorted by date or popularity: every match is a candidate, so all are collected and counted. */
  private SearchResult sorted(IndexSearcher s, Plan plan, Sort sort, List<String> notes)
      throws IOException {
    if (!plan.page()) {
      TopDocs top = s.search(plan.matches(), plan.window(), sort, true);
      return result(s, plan, top.scoreDocs, top.totalHits, null, true, notes);
    }
    var all =
        FacetsCollectorManager.search(
            s, plan.matches(), plan.window(), sort, true, new FacetsCollectorManager());
    return result(
        s,
        plan,
        all.topDocs().scoreDocs,
        all.topDocs().totalHits,
        all.facetsCollector(),
        true,
        notes);
  }

  /**
   * Ranked by relevance in two stages: the best candidates are found fast, then scored more
   * carefully. By words, the per-field query finds the best {@link #CANDIDATES} (which lets Lucene
   * skip documents that cannot make them, instead of scoring every match of a common word) and
   * BM25F re-ranks them; by meaning, the quantized HNSW graph finds the nearest neighbours and
   * their exact cosines re-rank them; hybrid fuses both scores of every candidate. Facets count the
   * candidates, and the total is exact up to {@link #COUNT_EXACTLY_UP_TO} matches and a lower bound
   * beyond ("about N"). {@code foundByWords} are the words' candidates when they were found already
   * (hybrid search finds them while the graph is searched), else null.
   */
  private SearchResult ranked(IndexSearcher s, Plan plan, TopDocs foundByWords, List<String> notes)
      throws IOException {
    TopDocs byWords =
        plan.mode() == Mode.SEMANTIC
            ? null
            : foundByWords != null ? foundByWords : byWords(s, plan);
    TopDocs byMeaning =
        plan.mode() == Mode.LEXICAL
            ? null
            : s.search(plan.knn(), Math.max(FUSION_DEPTH, plan.window()));
    ScoreDoc[] ranked =
        switch (plan.mode()) {
          case LEXICAL -> {
            int[] docs = sortedDocs(byWords);
            yield rescored(
                byWords.scoreDocs, CandidateScores.scores(s, plan.scoring(), docs), docs);
          }
          case SEMANTIC -> {
            int[] docs = sortedDocs(byMeaning);
            yield rescored(
                byMeaning.scoreDocs, CandidateScores.cosines(s, plan.vector(), docs), docs);
          }
          // every candidate by words, not only the first FUSION_DEPTH: before papers have vectors,
          // a page past
          // them would otherwise come back empty
          case HYBRID -> fuse(s, plan.scoring(), plan.vector(), byWords, byMeaning);
        };
    // what the total and the facets describe: the first candidates of each ranking, the same
    // whatever page
    // was asked for (deeper pages collect more, which must not change the counts)
    Set<Integer> candidates = new HashSet<>();
    if (byWords != null)
      for (ScoreDoc d : head(byWords, CANDIDATES).scoreDocs) candidates.add(d.doc);
    if (byMeaning != null)
      for (ScoreDoc d : head(byMeaning, FUSION_DEPTH).scoreDocs) candidates.add(d.doc);
    // by meaning every paper matches, more or less: a semantic or hybrid total is a lower bound
    boolean exact =
        plan.mode() == Mode.LEXICAL && byWords.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
    long count = Math.max(candidates.size(), byWords == null ? 0 : byWords.totalHits.value());
    TotalHits total =
        new TotalHits(
            count,
            exact ? TotalHits.Relation.EQUAL_TO : TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
    return result(
        s, plan, ranked, total, plan.page() ? collectorOf(s, candidates) : null, false, notes);
  }

  /**
   * The best {@link #CANDIDATES} matches by words, found without the words most papers contain (see
   * {@link CommonWords}), with exclusions and broad filters applied as bit sets (see {@link
   * BitSetFilters}). Leaving a word out makes the match count a lower bound: the paper count of
   * that word.
   */
  private static TopDocs byWords(IndexSearcher s, Plan plan) throws IOException {
    CommonWords.Finding finding =
        plan.text() == null
            ? new CommonWords.Finding(null, 0)
            : CommonWords.prune(plan.text(), s.getIndexReader());
    Query words =
        plan.text() == null ? new MatchAllDocsQuery() : BitSetFilters.exclusions(finding.query());
    Query query = BitSetFilters.restrict(words, plan.filter(), s);
    TopDocs top =
        s.search(
            query,
            new TopScoreDocCollectorManager(
                Math.max(plan.window(), CANDIDATES), COUNT_EXACTLY_UP_TO));
    TotalHits counted = pageIndependent(top.totalHits);
    if (finding.pruned()) {
      long atLeast =
          Math.max(counted.value(), plan.filter() == null ? finding.droppedDocFreq() : 0);
      counted = new TotalHits(atLeast, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
    }
    return new TopDocs(counted, top.scoreDocs);
  }

  /**
   * The match count as it would be for the first page: exact up to {@link #COUNT_EXACTLY_UP_TO},
   * else that many as a lower bound. Lucene counts further when it collects more hits (a deep
   * page), and skips less, so its lower bound grew with the offset.
   */
  static TotalHits pageIndependent(TotalHits counted) {
    if (counted.relation() == TotalHits.Relation.EQUAL_TO && counted.value() <= COUNT_EXACTLY_UP_TO)
      return counted;
    return new TotalHits(
        Math.min(counted.value(), COUNT_EXACTLY_UP_TO),
        TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
  }

  private static int[] sortedDocs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).sorted().toArray();
  }

  /**
   * The hits re-ordered by new scores ({@code scores[i]} for {@code docs[i]}, docs in increasing
   * order); a hit the second stage cannot score (NaN: a paper without a vector) keeps its place
   * behind those it can, and ties keep the first stage's order.
   */
  static ScoreDoc[] rescored(ScoreDoc[] hits, float[] scores, int[] docs) {
    ScoreDoc[] out = new ScoreDoc[hits.length];
    for (int i = 0; i < hits.length; i++) {
      float score = scores[Arrays.binarySearch(docs, hits[i].doc)];
      out[i] = new ScoreDoc(hits[i].doc, Float.isNaN(score) ? Float.NEGATIVE_INFINITY : score);
    }
    Arrays.sort(
        out,
        (a, b) -> Float.compare(b.score, a.score)); // stable: ties keep the first stage's order
    for (ScoreDoc d : out) if (d.score == Float.NEGATIVE_INFINITY) d.score = 0;
    return out;
  }

  private SearchResult result(
      IndexSearcher s,
      Plan plan,
      ScoreDoc[] ranked,
      TotalHits total,
      FacetsCollector matches,
      boolean countsAll,
      List<String> notes)
      throws IOException {
    List<Hit> hits =
        Hits.page(
            s,
            index.analyzer(),
            plan.text(),
            ranked,
            plan.request().offset(),
            plan.request().limit(),
            plan.page());
    return new SearchResult(
        total.value(),
        total.relation() == TotalHits.Relation.EQUAL_TO,
        hits,
        plan.page() ? facets.count(s.getIndexReader(), matches) : Map.of(),
        countsAll,
        plan.mode(),
        notes,
        Duration.ZERO);
  }

  private static TopDocs head(TopDocs top, int n) {
    return new TopDocs(
        top.totalHits, Arrays.copyOf(top.scoreDocs, Math.min(n, top.scoreDocs.length)));
  }

  /** A facets collector holding exactly these documents, as if a search had matched them. */
  private static FacetsCollector collectorOf(IndexSearcher s, Set<Integer> docs)
      throws IOException {
    int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
    FacetsCollector fc = new FacetsCollector(false);
    int i = 0;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      LeafCollector lc = fc.getLeafCollector(leaf);
      for (; i < sorted.length && sorted[i] < end; i++) lc.collect(sorted[i] - leaf.docBase);
      lc.finish();
    }
    return fc;
  }

  /**
   * Semantic's share of the hybrid score. bge-small ranks better than BM25 on its own on the dev
   * set, so it gets the larger share; words still lift exact matches (names, acronyms). 0.7 sits on
   * a plateau of the dev set's nDCG, not a peak (see docs/relevance.md).
   */
  static final double SEMANTIC_WEIGHT = 0.7;

  /**
   * How each ranking's scores are scaled before they are weighed: min-max, which bounds each
   * ranking's say to its weight (BM25 scores have a long upper tail that z-scores would let
   * outweigh the semantic share). With complete scores the choice hardly matters on the dev set
   * (docs/relevance.md); min-max also keeps fused scores in [0, 1].
   */
  static final Fusion.Normalization NORMALIZATION = Fusion.Normalization.MIN_MAX;

  /**
   * Lexical and semantic rankings fused by a convex combination of normalized scores over the union
   * of their top lists, each candidate scored both ways (see {@link CandidateScores}): by {@code
   * scoring}, the query's BM25F form (0 for a paper with none of the words), and by its exact
   * similarity, also when only the other ranking found it. The top lists only gather candidates;
   * the lexical one is found with the per-field query, which Lucene searches faster. A paper not
   * embedded yet (just imported, say) is ranked by its words alone rather than as semantically
   * worthless.
   */
  static ScoreDoc[] fuse(
      IndexSearcher s, Query scoring, float[] vector, TopDocs lexical, TopDocs semantic)
      throws IOException {
    CandidateScores.Scored c =
        CandidateScores.of(s, scoring, vector, lexical.scoreDocs, semantic.scoreDocs);
    List<Integer> docs = Arrays.stream(c.docs()).boxed().toList();
    return Fusion.convex(docs, c.semantic(), c.lexical(), SEMANTIC_WEIGHT, NORMALIZATION).stream()
        .map(f -> new ScoreDoc(f.item(), (float) f.score()))
        .toArray(ScoreDoc[]::new);
  }
}
