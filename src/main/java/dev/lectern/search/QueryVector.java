package dev.lectern.search;

import dev.lectern.embed.Embedder;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * A query's embedding being computed on another thread. Embedding a query (about 5 ms with bge-small on
 * a small CPU) needs nothing from the index, and a hybrid search's first stage (its best matches by words)
 * needs nothing from the embedding, so the two run at once, on two cores, and the search waits for the
 * vector only when it reaches the nearest-neighbour search.
 */
final class QueryVector {
  /** No vector wanted: a lexical search. */
  static final QueryVector NONE = new QueryVector(CompletableFuture.completedFuture(null));

  private final Future<float[]> pending;

  private QueryVector(Future<float[]> pending) {
    this.pending = pending;
  }

  static QueryVector start(Embedder embedder, String text, Executor executor) {
    return new QueryVector(CompletableFuture.supplyAsync(() -> embedder.embedQuery(text), executor));
  }

  /** The vector, or null (with a note saying why) when the embedding failed. */
  float[] await(List<String> notes) {
    try {
      return pending.get();
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      notes.add("semantic search failed (" + cause.getMessage() + "); showing keyword results");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notes.add("semantic search was interrupted; showing keyword results");
      return null;
    }
  }

  /**
   * Waits for the embedding to end, whatever its outcome, when a search ended without it (a bad query,
   * say): no model run outlives its search, so a server that has finished its requests can close the model
   * (closing it under a running inference crashes ONNX Runtime).
   */
  void settle() {
    try {
      pending.get();
    } catch (ExecutionException | CancellationException e) {
      // the search is over; its own outcome is what counts
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
