package dev.lectern.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryVectorCacheTest {
  /**
   * An embedder that records what it was asked to embed; a query's vector is its length and first
   * char.
   */
  static final class Recording implements Embedder {
    final List<String> queries = new ArrayList<>();

    @Override
    public String modelId() {
      return "recording";
    }

    @Override
    public int dimensions() {
      return 2;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      return texts.stream().map(this::embedQuery).toList();
    }

    @Override
    public float[] embedQuery(String query) {
      queries.add(query);
      return new float[] {query.length(), query.isEmpty() ? 0 : query.charAt(0)};
    }
  }

  @Test
  void aRepeatedQueryIsEmbeddedOnce() {
    Recording model = new Recording();
    Embedder cache = QueryVectorCache.around(model, 10);
    float[] first = cache.embedQuery("graph transformers");
    first[0] = -1; // a caller changing its copy does not change what the cache hands out next
    assertThat(cache.embedQuery("graph transformers")).containsExactly(18f, 'g');
    assertThat(model.queries).containsExactly("graph transformers");
    assertThat(cache.modelId()).isEqualTo("recording");
  }

  @Test
  void theLeastRecentlyUsedQueryIsForgottenFirst() {
    Recording model = new Recording();
    Embedder cache = QueryVectorCache.around(model, 2);
    cache.embedQuery("a");
    cache.embedQuery("b");
    cache.embedQuery("a"); // "b" is now the least recently used
    cache.embedQuery("c");
    cache.embedQuery("a");
    cache.embedQuery("b");
    assertThat(model.queries).containsExactly("a", "b", "c", "b");
  }

  @Test
  void documentsAreNotCached() {
    Recording model = new Recording();
    Embedder cache = QueryVectorCache.around(model, 10);
    cache.embedDocuments(List.of("x"));
    cache.embedDocuments(List.of("x"));
    assertThat(model.queries).containsExactly("x", "x");
  }
}
