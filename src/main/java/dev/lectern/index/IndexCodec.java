package dev.lectern.index;

import java.util.concurrent.ExecutorService;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * The default codec with the vector field stored as int8 scalar-quantized HNSW: a quarter of the
 * memory of float32 graphs for a negligible recall loss at 384 dimensions. The raw floats stay on
 * disk too, which is what lets {@code similar} read a paper's own vector back.
 */
final class IndexCodec {
  private IndexCodec() {}

  /**
   * @param mergeWorkers threads that merge HNSW graphs together (1: the merging thread alone)
   * @param mergeExecutor runs the extra merge workers; null when {@code mergeWorkers} is 1
   */
  static Lucene103Codec create(int mergeWorkers, ExecutorService mergeExecutor) {
    KnnVectorsFormat quantized =
        new Lucene99HnswScalarQuantizedVectorsFormat(
            Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
            Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
            mergeWorkers,
            7,
            false,
            null,
            mergeExecutor);
    return new Lucene103Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return IndexFields.VECTOR.equals(field)
            ? quantized
            : super.getKnnVectorsFormatForField(field);
      }
    };
  }
}
