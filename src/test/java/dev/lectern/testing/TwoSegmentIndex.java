package dev.lectern.testing;

import dev.lectern.index.PaperAnalyzers;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A small in-memory index whose documents lie in two segments, for code that must map document
 * numbers into each segment: the first {@code firstSegment} documents in one, the rest in the
 * other; optionally with deleted documents, which searches must skip.
 */
public final class TwoSegmentIndex implements AutoCloseable {
  private final ByteBuffersDirectory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private TwoSegmentIndex(ByteBuffersDirectory dir, DirectoryReader reader) {
    this.dir = dir;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  public static TwoSegmentIndex of(List<Document> docs, int firstSegment) throws IOException {
    return of(docs, firstSegment, List.of());
  }

  /** The same, then the documents with any of {@code deletions} deleted. */
  public static TwoSegmentIndex of(List<Document> docs, int firstSegment, List<Term> deletions)
      throws IOException {
    if (firstSegment <= 0 || firstSegment >= docs.size()) {
      throw new IllegalArgumentException(
          "both segments need a document: " + firstSegment + " of " + docs.size());
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(
            dir,
            new IndexWriterConfig(PaperAnalyzers.perField())
                .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < docs.size(); i++) {
        w.addDocument(docs.get(i));
        if (i == firstSegment - 1) w.flush();
      }
      if (!deletions.isEmpty()) w.deleteDocuments(deletions.toArray(Term[]::new));
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    if (reader.leaves().size() != 2)
      throw new IllegalStateException("expected two segments: " + reader.leaves());
    return new TwoSegmentIndex(dir, reader);
  }

  public DirectoryReader reader() {
    return reader;
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  @Override
  public void close() throws IOException {
    try (dir;
        reader) {
      // both closed
    }
  }
}
