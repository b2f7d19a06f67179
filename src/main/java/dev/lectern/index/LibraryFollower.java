package dev.lectern.index;

import dev.lectern.index.PaperIndex.SyncReport;
import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import dev.lectern.store.PaperLibrary.Change;
import dev.lectern.store.PaperLibrary.Redirect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Replays the library's change feed into an index writer, in change order: changed papers are
 * replaced by id (with the library's stored vector for the model, if any) and ids retired by a
 * redirect are deleted. Commits are the caller's: the watermark returned must be committed with the
 * documents.
 */
final class LibraryFollower {
  static final int CHUNK = 1000;

  private final PaperLibrary library;
  private final String model;
  private final IndexWriter writer;
  private final PaperDocuments documents;
  private final ExecutorService writers;
  private final int writerThreads;

  /**
   * @param writers threads that write documents side by side (null: the calling thread alone); each
   *     builds its own in-memory segment, HNSW graph included, which is where indexing spends its
   *     time
   * @param writerThreads how many of them a chunk is split over
   */
  LibraryFollower(
      PaperLibrary library,
      String model,
      IndexWriter writer,
      PaperDocuments documents,
      ExecutorService writers,
      int writerThreads) {
    this.library = library;
    this.model = model;
    this.writer = writer;
    this.documents = documents;
    this.writers = writers;
    this.writerThreads = writers == null ? 1 : writerThreads;
  }

  SyncReport follow(Watermark from, IndexProgress progress) {
    long seq = from.changeSeq();
    long target = library.lastChangeSeq();
    long indexed = 0;
    long deleted = 0;
    if (target > seq) progress.started(library.changedCountSince(seq));
    while (true) {
      Chunk chunk = read(seq);
      List<Change> changes = chunk.changes();
      // the chunk covers the feed up to its last change, or to the end when it is the last chunk
      long upTo =
          changes.size() == CHUNK
              ? changes.getLast().changeSeq()
              : Math.max(target, lastSeq(changes, seq));
      // read after the changes, so a redirect committed meanwhile is either in this range or after
      // upTo
      long end = upTo;
      List<Redirect> redirects =
          library.redirectsSince(seq).stream().filter(r -> r.changeSeq() <= end).toList();
      deleted += apply(chunk, redirects);
      indexed += changes.size();
      if (!changes.isEmpty()) progress.advanced(indexed);
      seq = Math.max(seq, upTo);
      if (changes.size() < CHUNK) break;
    }
    return new SyncReport(indexed, deleted, new Watermark(seq, model, Watermark.SCHEMA));
  }

  /** Papers changed after a point of the feed, with their stored vectors for the model. */
  private record Chunk(List<Change> changes, Map<String, float[]> vectors) {}

  private Chunk read(long afterSeq) {
    List<Change> changes = library.changedSince(afterSeq, CHUNK);
    return new Chunk(
        changes,
        library.embeddings().get(model, changes.stream().map(c -> c.paper().id()).toList()));
  }

  /** Redirects and changes interleaved in sequence order, so the later of the two always wins. */
  private long apply(Chunk chunk, List<Redirect> redirects) {
    List<Change> changes = chunk.changes();
    Map<String, float[]> vectors = chunk.vectors();
    if (redirects.isEmpty() && writerThreads > 1) {
      // distinct papers, no deletes to order them against: the order of writing does not matter
      writeSideBySide(changes.stream().map(Change::paper).toList(), vectors);
      return 0;
    }
    int c = 0;
    int r = 0;
    try {
      while (c < changes.size() || r < redirects.size()) {
        boolean redirectFirst =
            r < redirects.size()
                && (c == changes.size()
                    || redirects.get(r).changeSeq() < changes.get(c).changeSeq());
        if (redirectFirst) {
          writer.deleteDocuments(new Term(IndexFields.ID, redirects.get(r++).oldId()));
        } else {
          Paper p = changes.get(c++).paper();
          put(p, vectors.get(p.id()));
        }
      }
    } catch (IOException e) {
      throw new IndexException("cannot write to the search index: " + e.getMessage(), e);
    }
    return redirects.size();
  }

  private void writeSideBySide(List<Paper> papers, Map<String, float[]> vectors) {
    List<Callable<Void>> slices = new ArrayList<>();
    int size = (papers.size() + writerThreads - 1) / writerThreads;
    for (int from = 0; from < papers.size(); from += size) {
      List<Paper> slice = papers.subList(from, Math.min(papers.size(), from + size));
      slices.add(
          () -> {
            for (Paper p : slice) put(p, vectors.get(p.id()));
            return null;
          });
    }
    try {
      for (Future<Void> f : writers.invokeAll(slices)) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted while writing to the search index", e);
    } catch (ExecutionException e) {
      throw new IndexException(
          "cannot write to the search index: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Replaces these papers' documents, with the given vectors (papers absent from the map get none).
   */
  void reindex(List<Paper> papers, Map<String, float[]> vectors) {
    try {
      for (Paper p : papers) put(p, vectors.get(p.id()));
    } catch (IOException e) {
      throw new IndexException("cannot write to the search index: " + e.getMessage(), e);
    }
  }

  private void put(Paper p, float[] vector) throws IOException {
    writer.updateDocument(new Term(IndexFields.ID, p.id()), documents.toDocument(p, vector));
  }

  private static long lastSeq(List<Change> changes, long seq) {
    return changes.isEmpty() ? seq : changes.getLast().changeSeq();
  }
}
