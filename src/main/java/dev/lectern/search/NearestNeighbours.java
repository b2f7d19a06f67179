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
 * than {@link #EXACT_BELOW_SHARE} of a segment's papers pass it, the papers that pass are scanned exactly
 * instead. A graph search under a filter must walk past the papers the filter rejects, so its cost grows
 * as the filter narrows, while a scan's cost shrinks with it; measured at 1M papers (synthetic vectors,
 * k = 100, `lectern bench search`), a category of 5.3% took the graph 13.9 ms at the median (recall 0.69
 * against exact search), one of 1.8% 18.8 ms (Lucene gave up on the graph and scanned after all), and one
 * of 44% 3.0 ms, which a scan of 440,000 vectors could not match. The scan's recall is 1.
 */
public final class NearestNeighbours extends KnnFloatVectorQuery {
  /** Share of a segment's papers below which a filtered search scans them instead of searching the graph. */
  public static final double EXACT_BELOW_SHARE = 0.10;

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
