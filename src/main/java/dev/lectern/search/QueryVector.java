package dev.lectern.search;

import dev.lectern.embed.Embedder;
import java.util.List;

/**
 * A query's embedding, or why there is none. The query is embedded before the search starts, on every
 * core its session has. Embedding it on one core while the other searched the words measured no better at
 * 1M papers on 2 cores (hybrid search 23.1 ms at the median, against 23.3 one after the other): ONNX
 * Runtime's threads and the search's compete for the same cores, and on one thread the embedding alone took
 * 20 ms instead of 12.
 */
final class QueryVector {
  /** No vector wanted: a lexical search. */
  static final QueryVector NONE = new QueryVector(null, null);

  private final float[] vector;
  private final String failure;

  private QueryVector(float[] vector, String failure) {
    this.vector = vector;
    this.failure = failure;
  }

  static QueryVector of(Embedder embedder, String text) {
    try {
      return new QueryVector(embedder.embedQuery(text), null);
    } catch (RuntimeException e) {
      return new QueryVector(null, "semantic search failed (" + e.getMessage() + "); showing keyword results");
    }
  }

  /** The vector, or null (with a note saying why) when the embedding failed. */
  float[] get(List<String> notes) {
    if (failure != null) notes.add(failure);
    return vector;
  }
}
