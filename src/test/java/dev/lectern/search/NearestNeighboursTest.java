package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.IndexFields;
import dev.lectern.testing.RandomVectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {
  static final int PAPERS = 2000;
  static final int K = 5;

  /** Counts the exact scans Lucene runs for it. */
  static final class Counting extends NearestNeighbours {
    int scans;

    Counting(float[] target, Query filter) {
      super(IndexFields.VECTOR, target, K, filter);
    }

    @Override
    protected TopDocs exactSearch(
        LeafReaderContext context, DocIdSetIterator accept, QueryTimeout timeout)
        throws IOException {
      scans++;
      return super.exactSearch(context, accept, timeout);
    }
  }

  @Test
  void aNarrowFilterIsScannedAndFindsTheTrueNeighboursWhileAWideOneSearchesTheGraph()
      throws IOException {
    Random random = new Random(11);
    float[][] vectors = new float[PAPERS][];
    try (var dir = new ByteBuffersDirectory()) {
      try (var w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < PAPERS; i++) {
          vectors[i] = unit(random);
          Document d = new Document();
          // "narrow": 1% of the papers (20, more than K, so Lucene alone would search the graph);
          // "wide": half
          d.add(
              new StringField(
                  IndexFields.CATEGORY, i % 100 == 0 ? "narrow" : "other", Field.Store.NO));
          if (i % 2 == 0) d.add(new StringField(IndexFields.CATEGORY, "wide", Field.Store.NO));
          d.add(
              new KnnFloatVectorField(
                  IndexFields.VECTOR, vectors[i], VectorSimilarityFunction.DOT_PRODUCT));
          w.addDocument(d);
        }
        w.forceMerge(1);
      }
      try (var reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        float[] q = unit(random);

        Counting narrow = new Counting(q, new TermQuery(new Term(IndexFields.CATEGORY, "narrow")));
        int[] found = Arrays.stream(s.search(narrow, K).scoreDocs).mapToInt(d -> d.doc).toArray();
        assertThat(narrow.scans).isEqualTo(1);
        int[] truth =
            IntStream.range(0, PAPERS)
                .filter(i -> i % 100 == 0)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> -VectorUtil.dotProduct(q, vectors[i])))
                .limit(K)
                .mapToInt(Integer::intValue)
                .toArray();
        assertThat(found).containsExactlyInAnyOrder(truth);
        // the same scan split in two halves, the second on another core, finds the same papers in
        // the same order
        ScoreDoc[] whole = s.search(narrow, K).scoreDocs;
        ScoreDoc[] halves =
            s.search(
                    new NearestNeighbours(
                        IndexFields.VECTOR,
                        q,
                        K,
                        new TermQuery(new Term(IndexFields.CATEGORY, "narrow")),
                        4),
                    K)
                .scoreDocs;
        assertThat(Arrays.stream(halves).mapToInt(d -> d.doc).toArray())
            .containsExactly(Arrays.stream(whole).mapToInt(d -> d.doc).toArray());
        assertThat(Arrays.stream(halves).map(d -> d.score).toList())
            .isEqualTo(Arrays.stream(whole).map(d -> d.score).toList());

        Counting wide = new Counting(q, new TermQuery(new Term(IndexFields.CATEGORY, "wide")));
        ScoreDoc[] wideHits = s.search(wide, K).scoreDocs;
        assertThat(wide.scans).isZero();
        assertThat(wideHits).hasSize(K).allMatch(d -> d.doc % 2 == 0);
      }
    }
  }

  private static float[] unit(Random random) {
    return RandomVectors.unit(random, 16);
  }
}
