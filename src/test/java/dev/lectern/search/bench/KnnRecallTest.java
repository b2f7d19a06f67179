package dev.lectern.search.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.IndexFields;
import dev.lectern.testing.RandomVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class KnnRecallTest {
  private static final int DIMS = 16;

  @Test
  void anExactlySearchedSmallIndexHasFullRecallFilteredOrNot() throws IOException {
    // 300 papers: below Lucene's graph thresholds a filtered search is exact, and the graph of a
    // few hundred
    // vectors finds every neighbour, so anything short of 1.0 would be a fault of the measurement
    Random random = new Random(3);
    try (var dir = new ByteBuffersDirectory()) {
      try (var w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < 300; i++) add(w, unit(random), i % 10 == 0 ? "rare" : "common");
      }
      try (var reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 5; i++) queries.add(unit(random));
        List<KnnRecall.Row> rows = KnnRecall.measure(s, queries, KnnRecall.categories(s));
        assertThat(KnnRecall.categories(s)).startsWith("common").contains("rare");
        assertThat(rows)
            .extracting(KnnRecall.Row::filter)
            .contains("none", "cat:common", "cat:rare");
        assertThat(rows)
            .allSatisfy(
                r -> {
                  assertThat(r.candidateRecall()).isEqualTo(1.0);
                  assertThat(r.top10Recall()).isEqualTo(1.0);
                });
        assertThat(rows)
            .filteredOn(r -> r.filter().equals("cat:rare"))
            .first()
            .satisfies(r -> assertThat(r.share()).isEqualTo(0.1));
      }
    }
  }

  private static void add(IndexWriter w, float[] v, String category) throws IOException {
    Document d = new Document();
    d.add(new StringField(IndexFields.CATEGORY, category, Field.Store.NO));
    d.add(new KnnFloatVectorField(IndexFields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT));
    w.addDocument(d);
  }

  private static float[] unit(Random random) {
    return RandomVectors.unit(random, DIMS);
  }
}
