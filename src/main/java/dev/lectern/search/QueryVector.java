package dev.lectern.search;

import dev.lectern.embed.Embedder;
import java.util.List;

/**
 * A query's embedding, or why there is none. The query is embedded before the search starts, on every
 * core the query session has. Embedding it on one core while the other searched the words was measured
 * and lost: at 1M papers on 2 cores, hybrid search took 23.1 ms at the median that way against 19.1 ms for
 * the embedding and the search one after the other, since ONNX Runtime's threads and the search's then
 * compete for the cores, and on a single thread the embedding took 20 ms instead of 12.
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
