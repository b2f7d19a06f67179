package dev.lectern.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that remembers the vectors of its most recent queries. Turning to the next page of results,
 * changing a filter or the sort runs a query whose text has not changed, and embedding it again would cost
 * most of the search: at 1M papers the query embedding is 12-13 ms of a 22 ms hybrid search at the median
 * (`lectern bench search`, on a slow day). Documents pass through uncached.
 */
public final class QueryVectorCache implements Embedder {
  private final Embedder model;
  private final Map<String, float[]> recent;

  /** @param capacity how many queries' vectors to keep (1,000 take about 1.5 MB at 384 dimensions) */
  public QueryVectorCache(Embedder model, int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    this.model = model;
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public float[] embedQuery(String query) {
    float[] known;
    synchronized (recent) {
      known = recent.get(query);
    }
    if (known != null) return known.clone();
    float[] vector = model.embedQuery(query); // outside the lock: other queries need not wait for this one
    synchronized (recent) {
      recent.put(query, vector.clone());
    }
    return vector;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return model.embedDocuments(texts);
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }
}
