package dev.lectern.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;

/**
 * The query vector's nearest papers, through the HNSW graph, except under a narrow filter: when fewer
 * than {@link #EXACT_BELOW_SHARE} of a segment's papers pass it, every paper that passes is scored instead
 * (Lucene's exact search, on the quantized vectors). A graph search under a filter must walk past the
 * papers the filter rejects, so its cost grows as the filter narrows, until Lucene gives up on the graph and
 * scans after all, having paid for both; a scan's cost shrinks with the filter. Measured at 1M papers
 * (synthetic vectors, k = 100, random papers' vectors as queries, 2 slow cores): under a category of 3.6%
 * of the papers the graph took 32 ms (it gave up and scanned) and a scan 12.5 ms; under one of 5.3%, the
 * graph 22 ms and a scan 18 ms, which also found more of the true neighbours (0.9 of them against 0.57);
 * under one of 12%, the graph 12 ms and a scan 36 ms.
 */
public class NearestNeighbours extends KnnFloatVectorQuery {
  /** Share of a segment's papers below which a filtered search scans them instead of searching the graph. */
  public static final double EXACT_BELOW_SHARE = 0.06;

  public NearestNeighbours(String field, float[] target, int k, Query filter) {
    super(field, target, k, filter);
  }

  @Override
  protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
                                      KnnCollectorManager collectors) throws IOException {
    boolean filtered = visitedLimit != Integer.MAX_VALUE; // Lucene passes the filter's size + 1 as the limit
    if (filtered && acceptDocs.cost() < EXACT_BELOW_SHARE * context.reader().maxDoc()) {
      // an incomplete result is Lucene's signal to search exactly over the papers that pass the filter
      return new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
    }
    return super.approximateSearch(context, acceptDocs, visitedLimit, collectors);
  }
}
