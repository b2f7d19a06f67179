package dev.lectern.recommend;

import dev.lectern.store.EmbeddingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored embeddings of the papers a recommender may read (candidates, the user's papers and the
 * papers negatives are sampled from), in memory, in a fixed order.
 */
public final class PaperVectors {
  private final List<String> ids;
  private final Map<String, float[]> byId;
  private final int dims;

  private PaperVectors(Map<String, float[]> byId) {
    this.byId = byId;
    this.ids = List.copyOf(byId.keySet());
    this.dims = byId.isEmpty() ? 0 : byId.values().iterator().next().length;
    for (float[] v : byId.values()) {
      if (v.length != dims)
        throw new IllegalArgumentException("vectors of " + dims + " and " + v.length + " values");
    }
  }

  /** These vectors, in the map's order. */
  public static PaperVectors of(Map<String, float[]> byId) {
    return new PaperVectors(new LinkedHashMap<>(byId));
  }

  /**
   * The stored vectors of a model for these papers, in their order; papers without one are left
   * out.
   */
  public static PaperVectors load(EmbeddingStore store, String model, Collection<String> ids) {
    List<String> list = new ArrayList<>(ids);
    Map<String, float[]> stored = new HashMap<>(store.get(model, list));
    Map<String, float[]> ordered = new LinkedHashMap<>();
    for (String id : list) {
      float[] v = stored.get(id);
      if (v != null) ordered.put(id, v);
    }
    return new PaperVectors(ordered);
  }

  public List<String> ids() {
    return ids;
  }

  public boolean has(String id) {
    return byId.containsKey(id);
  }

  /** The vector of a paper; null when it has none here. */
  public float[] get(String id) {
    return byId.get(id);
  }

  public int dims() {
    return dims;
  }

  public int size() {
    return ids.size();
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
