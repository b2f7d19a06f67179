package dev.lectern.embed;

import java.util.List;
import java.util.function.Function;

/**
 * An embedder whose documents the model embeds and whose query vectors come from {@code
 * queryVector}.
 */
public record QueryEmbedder(Embedder model, Function<String, float[]> queryVector)
    implements Embedder {
  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return model.embedDocuments(texts);
  }

  @Override
  public float[] embedQuery(String query) {
    return queryVector.apply(query);
  }
}
