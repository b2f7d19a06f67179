package dev.lectern.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The query vector's nearest papers, through the HNSW graph, except under a narrow filter: when
 * fewer than {@link #EXACT_BELOW_SHARE} of a segment's papers pass it, every paper that passes is
 * scored instead (Lucene's exact search, on the quantized vectors). A graph search under a filter
 * must walk past the papers the filter rejects, so its cost grows as the filter narrows, until
 * Lucene gives up on the graph and scans after all, having paid for both; a scan's cost shrinks
 * with the filter. At 1M papers the scan won below about 6% (faster, or about as fast with more of
 * the true neighbours) and the graph at 12% (figures in docs/performance.md).
 */
public class NearestNeighbours extends KnnFloatVectorQuery {
  /**
   * Share of a segment's papers below which a filtered search scans them instead of searching the
   * graph.
   */
  public static final double EXACT_BELOW_SHARE = 0.06;

  /** Papers to scan from which the scan is split in two halves, one on another core. */
  static final int SPLIT_SCAN_FROM = 8192;

  private final int splitScanFrom;

  public NearestNeighbours(String field, float[] target, int k, Query filter) {
    this(field, target, k, filter, SPLIT_SCAN_FROM);
  }

  NearestNeighbours(String field, float[] target, int k, Query filter, int splitScanFrom) {
    super(field, target, k, filter);
    this.splitScanFrom = splitScanFrom;
  }

  @Override
  protected TopDocs approximateSearch(
      LeafReaderContext context,
      AcceptDocs acceptDocs,
      int visitedLimit,
      KnnCollectorManager collectors)
      throws IOException {
    boolean filtered =
        visitedLimit != Integer.MAX_VALUE; // Lucene passes the filter's size + 1 as the limit
    if (filtered && acceptDocs.cost() < EXACT_BELOW_SHARE * context.reader().maxDoc()) {
      // an incomplete result is Lucene's signal to search exactly over the papers that pass the
      // filter
      return new TopDocs(
          new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
    }
    return super.approximateSearch(context, acceptDocs, visitedLimit, collectors);
  }

  /**
   * Scanning is bound by reading each passing paper's vector from memory, so a long scan is split
   * in two halves of the passing papers, the second scanned on another core, and the two top lists
   * merged; short scans gain nothing from it (see docs/performance.md).
   */
  @Override
  protected TopDocs exactSearch(
      LeafReaderContext context, DocIdSetIterator accepted, QueryTimeout timeout)
      throws IOException {
    if (accepted.cost() < splitScanFrom) return super.exactSearch(context, accepted, timeout);
    int maxDoc = context.reader().maxDoc();
    FixedBitSet first = new FixedBitSet(maxDoc);
    first.or(accepted);
    int count = first.cardinality();
    if (count < 2) return super.exactSearch(context, new BitSetIterator(first, count), timeout);
    int half = count / 2;
    int middle = nthSetBit(first, half);
    FixedBitSet second = first.clone();
    first.clear(middle, maxDoc);
    second.clear(0, middle);
    var both =
        OtherCore.alongside(
            "lectern-scan",
            () -> super.exactSearch(context, new BitSetIterator(second, count - half), timeout),
            () -> super.exactSearch(context, new BitSetIterator(first, half), timeout));
    return merged(both.here(), both.there());
  }

  /** The document of the {@code n}th (from 0) set bit. */
  private static int nthSetBit(FixedBitSet bits, int n) {
    int doc = bits.nextSetBit(0);
    for (int i = 0; i < n; i++) doc = bits.nextSetBit(doc + 1);
    return doc;
  }

  /** The best {@code k} of two halves' top lists, ties by document as Lucene breaks them. */
  private TopDocs merged(TopDocs a, TopDocs b) {
    ScoreDoc[] all = Arrays.copyOf(a.scoreDocs, a.scoreDocs.length + b.scoreDocs.length);
    System.arraycopy(b.scoreDocs, 0, all, a.scoreDocs.length, b.scoreDocs.length);
    Arrays.sort(
        all, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    boolean exact =
        a.totalHits.relation() == TotalHits.Relation.EQUAL_TO
            && b.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
    return new TopDocs(
        new TotalHits(
            a.totalHits.value() + b.totalHits.value(),
            exact ? TotalHits.Relation.EQUAL_TO : TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
        Arrays.copyOf(all, Math.min(k, all.length)));
  }
}
