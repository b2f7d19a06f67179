package dev.lectern.search;

import dev.lectern.embed.Embedder;
import java.util.List;

/**
 * A query embedder that answers every query with the same vector, for tests with synthetic vectors.
 */
record FixedEmbedder(String modelId, float[] vector) implements Embedder {
  @Override
  public int dimensions() {
    return vector.length;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return texts.stream().map(t -> vector).toList();
  }

  @Override
  public float[] embedQuery(String query) {
    return vector;
  }
}
