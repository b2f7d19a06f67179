package dev.lectern.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of the most recent queries. Turning to the next page of results, changing a filter or
 * the sort runs a query whose text has not changed, and embedding it again would cost most of a
 * hybrid search (see docs/performance.md).
 */
public final class QueryVectorCache {
  private final Embedder model;
  private final Map<String, float[]> recent;

  private QueryVectorCache(Embedder model, int capacity) {
    if (capacity < 1)
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.model = model;
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The model, with its last {@code capacity} queries' vectors kept (1,000 take about 1.5 MB at 384
   * dimensions); documents pass through uncached.
   */
  public static Embedder around(Embedder model, int capacity) {
    return new QueryEmbedder(model, new QueryVectorCache(model, capacity)::vectorOf);
  }

  private float[] vectorOf(String query) {
    float[] known;
    synchronized (recent) {
      known = recent.get(query);
    }
    if (known != null) return known.clone();
    float[] vector =
        model.embedQuery(query); // outside the lock: other queries need not wait for this one
    synchronized (recent) {
      recent.put(query, vector.clone());
    }
    return vector;
  }
}
