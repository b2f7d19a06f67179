package dev.lectern.index;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;

/**
 * What searching needs of an index: a searcher to read with, the analyzer its text was indexed
 * with, and the embedding model of its vectors. The writable {@link LuceneIndex} is one; {@link
 * IndexSnapshot}, a read-only view of the last commit for when another process holds the index, is
 * the other.
 */
public interface SearchableIndex {
  /** Runs a read against a current searcher, released afterwards; the searcher must not escape. */
  <T> T search(SearcherFunction<T> read);

  /** The analyzer the index was written with; queries must be parsed with it. */
  Analyzer analyzer();

  /**
   * The embedding model whose vectors the index holds; queries must be embedded with the same one.
   */
  String model();

  /** A read against the index. */
  @FunctionalInterface
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
