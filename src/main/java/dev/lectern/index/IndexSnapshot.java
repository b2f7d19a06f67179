package dev.lectern.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index as its last commit left it, read-only: what a command searches while another process (a
 * running {@code lectern serve}) holds the index for writing. That process commits after every
 * change it follows or vector it attaches, so the snapshot is as current as the holder's last sync;
 * it is not updated while open, which suits a command that searches and exits.
 */
public final class IndexSnapshot implements SearchableIndex, AutoCloseable {
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = PaperAnalyzers.perField();
  private final String model;

  private IndexSnapshot(Directory dir, DirectoryReader reader) throws IOException {
    this.dir = dir;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    Watermark w = Watermark.from(reader.getIndexCommit().getUserData());
    if (w.schema() != Watermark.SCHEMA) {
      // its words were analysed otherwise: queries analysed this version's way would quietly miss
      // papers
      throw new IndexException(
          "the search index was written by another version of Lectern (index schema "
              + w.schema()
              + ", this version's is "
              + Watermark.SCHEMA
              + ") and another process holds it (a running "
              + "`lectern serve`): if that serve runs this version, it is rebuilding the index, so try again when it "
              + "has finished; otherwise restart it with this version (it rebuilds the index at start), or stop it "
              + "and run `lectern reindex`");
    }
    this.model = w.model();
  }

  /** Opens the last commit of the index at {@code path}. */
  public static IndexSnapshot open(Path path) {
    Directory dir = null;
    try {
      dir = FSDirectory.open(path);
      DirectoryReader reader = DirectoryReader.open(dir);
      try {
        return new IndexSnapshot(dir, reader);
      } catch (IOException | RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (IndexException e) {
      closeQuietly(dir); // the reader is closed already
      throw e;
    } catch (IndexNotFoundException e) {
      closeQuietly(dir);
      throw new IndexException(
          "the search index at "
              + path
              + " has no commit yet: the process holding it is "
              + "still building it; try again in a moment",
          e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      throw new IndexException(
          "cannot read the search index at " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T search(SearcherFunction<T> read) {
    try {
      return read.apply(searcher);
    } catch (IOException e) {
      throw new IndexException("cannot read the search index: " + e.getMessage(), e);
    }
  }

  @Override
  public Analyzer analyzer() {
    return analyzer;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public void close() {
    try (dir;
        reader) {
      // closing both is all there is to do
    } catch (IOException e) {
      throw new IndexException("cannot close the search index: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Directory dir) {
    if (dir == null) return;
    try {
      dir.close();
    } catch (IOException e) {
      // the open failure is the one worth reporting
    }
  }
}
