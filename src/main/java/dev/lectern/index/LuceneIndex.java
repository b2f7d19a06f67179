package dev.lectern.index;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;

/**
 * The Lucene index of the library's papers, in its own directory (by convention {@code
 * <dataDir>/index}). One instance per directory and process (Lucene's write lock enforces it).
 * Opening follows the library up to its latest change, so a crash between a library commit and the
 * index commit heals itself; an index of another embedding model or document layout is rebuilt.
 * Searches go through {@link #search} and see every change once {@link #sync} or {@link
 * #updateVectors} has returned.
 */
public final class LuceneIndex implements PaperIndex, SearchableIndex {
  private final Directory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer = PaperAnalyzers.perField();
  private final PaperLibrary library;
  private final String model;
  private final LibraryFollower follower;
  private final ExecutorService graphMergers;
  private final ExecutorService documentWriters;
  private volatile Watermark watermark;
  private SyncReport openingReport;

  /**
   * Indexing buffers this much before writing a segment: bigger segments mean fewer HNSW graphs to
   * merge later, and the buffer is released after each flush, so it is well inside the heap budget.
   */
  static final double RAM_BUFFER_MB = 256;

  /**
   * A sync that writes at least this many papers, and at least a fifth of the index, is a bulk load
   * (first build, a big import): the index is then merged into one segment, which makes searches
   * several times faster (one term dictionary and one HNSW graph to search instead of a dozen).
   */
  static final int BULK_LOAD_PAPERS = 10_000;

  /**
   * How the index files are held in memory. Files are memory-mapped either way; a mapped page costs
   * a fault on its first touch in a process, and a search touches pages all over the index (the
   * HNSW graph, the vectors that re-rank candidates, facet values, stored fields). On this
   * project's 2-core VM a fresh process took 2.4 ms to read 200 candidate vectors at 1M papers and
   * a warm one 0.15 ms, and a fresh process's searches stayed several times slower than a warm
   * one's for thousands of queries.
   */
  public enum Residency {
    /**
     * Pages are mapped as searches touch them: right for short commands, which open the index and
     * leave.
     */
    ON_DEMAND,
    /**
     * Every file is loaded into memory when it is opened (3.4 GB at 1M papers, about a second from
     * the page cache), so a long-running process's first searches do not wait for the disk (they
     * still run code the JVM has not compiled yet: {@code serve} warms that up too, see {@code
     * SearchWarmup}).
     */
    PRELOAD
  }

  private static FSDirectory directory(Path path, Residency residency) throws IOException {
    FSDirectory dir = FSDirectory.open(path);
    if (residency == Residency.PRELOAD && dir instanceof MMapDirectory mmap)
      mmap.setPreload(MMapDirectory.ALL_FILES);
    return dir;
  }

  private LuceneIndex(
      Path path, PaperLibrary library, String model, Residency residency, PaperOrder order)
      throws IOException {
    this.dir = directory(path, residency);
    this.library = library;
    this.model = model;
    int cores = Runtime.getRuntime().availableProcessors();
    this.graphMergers =
        cores > 1
            ? Executors.newFixedThreadPool(
                cores, Thread.ofPlatform().daemon().name("lectern-hnsw-merge-", 0).factory())
            : null;
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setCodec(IndexCodec.create(cores > 1 ? cores : 1, graphMergers))
            .setRAMBufferSizeMB(RAM_BUFFER_MB)
            .setMergePolicy(order.mergePolicy())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    IndexWriter w;
    try {
      w = new IndexWriter(dir, config);
    } catch (IOException | RuntimeException e) {
      dir.close();
      if (graphMergers != null) graphMergers.shutdownNow();
      throw e;
    }
    this.writer = w;
    PaperOrder.deleteLeftovers(dir); // now that the write lock is ours
    this.searchers = new SearcherManager(writer, null);
    this.watermark = Watermark.from(lastCommitData());
    this.documentWriters =
        cores > 1
            ? Executors.newFixedThreadPool(
                cores, Thread.ofPlatform().daemon().name("lectern-index-writer-", 0).factory())
            : null;
    this.follower =
        new LibraryFollower(library, model, writer, new PaperDocuments(), documentWriters, cores);
  }

  /**
   * Opens (creating if needed) the index at {@code path} for the given library and embedding model,
   * and brings it up to date: caught up if behind, rebuilt if written for another model, layout or
   * library.
   */
  public static LuceneIndex open(Path path, PaperLibrary library, String model) {
    return open(path, library, model, Residency.ON_DEMAND);
  }

  /**
   * As {@link #open(Path, PaperLibrary, String)}, holding the files in memory as {@code residency}
   * says.
   */
  public static LuceneIndex open(
      Path path, PaperLibrary library, String model, Residency residency) {
    return open(path, library, model, residency, IndexProgress.NONE, notice -> {});
  }

  /**
   * As {@link #open(Path, PaperLibrary, String, Residency)}, telling {@code notices} before a
   * rebuild starts and why: an index written by an older version or for another model is rebuilt,
   * which takes minutes for a big library, and a command that pauses that long should say so.
   */
  public static LuceneIndex open(
      Path path,
      PaperLibrary library,
      String model,
      Residency residency,
      Consumer<String> notices) {
    return open(path, library, model, residency, IndexProgress.NONE, notices);
  }

  /**
   * As {@link #open(Path, PaperLibrary, String, Residency)}, telling {@code progress} how catching
   * up goes.
   */
  public static LuceneIndex open(
      Path path, PaperLibrary library, String model, Residency residency, IndexProgress progress) {
    return open(path, library, model, residency, progress, notice -> {});
  }

  /** Telling both: how catching up goes, and why a rebuild starts. */
  public static LuceneIndex open(
      Path path,
      PaperLibrary library,
      String model,
      Residency residency,
      IndexProgress progress,
      Consumer<String> notices) {
    return open(path, library, model, residency, PaperOrder.DEFAULT, false, progress, notices);
  }

  /**
   * Opens the index at {@code path} and rebuilds it from the library, instead of first catching up
   * with the library and then rebuilding (which writes every paper twice when the index is missing
   * or far behind).
   */
  public static LuceneIndex openRebuilt(
      Path path, PaperLibrary library, String model, IndexProgress progress) {
    return open(
        path,
        library,
        model,
        Residency.ON_DEMAND,
        PaperOrder.DEFAULT,
        true,
        progress,
        notice -> {});
  }

  static LuceneIndex open(
      Path path, PaperLibrary library, String model, Residency residency, PaperOrder order) {
    return open(path, library, model, residency, order, false, IndexProgress.NONE, notice -> {});
  }

  private static LuceneIndex open(
      Path path,
      PaperLibrary library,
      String model,
      Residency residency,
      PaperOrder order,
      boolean rebuild,
      IndexProgress progress,
      Consumer<String> notices) {
    LuceneIndex index;
    try {
      index = new LuceneIndex(path, library, model, residency, order);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(
          path, e); // held by another process: not a fault a rebuild would fix
    } catch (IOException e) {
      throw new IndexException(
          "cannot open the search index at "
              + path
              + ": "
              + e.getMessage()
              + " (it is derived data: delete the folder and run `lectern reindex`)",
          e);
    }
    try {
      String why = rebuild ? null : index.rebuildReason();
      if (why != null) {
        notices.accept(
            "index: rebuilding the search index from the library (which is not changed), since "
                + why
                + "; this takes a while for a big library");
      }
      index.openingReport = rebuild || why != null ? index.rebuild(progress) : index.sync(progress);
      return index;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** Why the index must be rebuilt before use, or null when following the library is enough. */
  private String rebuildReason() {
    Watermark w = watermark;
    if (w.schema() != Watermark.SCHEMA) {
      return "it was written by another version of Lectern, which indexed the text differently (index schema "
          + w.schema()
          + ", this version's is "
          + Watermark.SCHEMA
          + ")";
    }
    if (w.model() != null && !w.model().equals(model))
      return "it holds the vectors of another model (" + w.model() + ")";
    // a library behind its index was replaced or restored from a backup: the index describes other
    // data
    if (w.changeSeq() > library.lastChangeSeq())
      return "the library is older than the index (restored from a backup?)";
    return null;
  }

  @Override
  public SyncReport sync() {
    return sync(IndexProgress.NONE);
  }

  /** As {@link #sync()}, telling {@code progress} how it goes. */
  public synchronized SyncReport sync(IndexProgress progress) {
    int before = writer.getDocStats().numDocs;
    SyncReport report =
        follower.follow(
            watermark.changeSeq() == 0 && watermark.model() == null
                ? new Watermark(0, model, Watermark.SCHEMA)
                : watermark,
            progress);
    return publish(isBulkLoad(report.indexed(), before) ? compact(report, progress) : report);
  }

  static boolean isBulkLoad(long written, int docsBefore) {
    return written >= BULK_LOAD_PAPERS && written * 5 >= docsBefore;
  }

  @Override
  public SyncReport rebuild() {
    return rebuild(IndexProgress.NONE);
  }

  /** As {@link #rebuild()}, telling {@code progress} how it goes. */
  public synchronized SyncReport rebuild(IndexProgress progress) {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new IndexException("cannot clear the search index: " + e.getMessage(), e);
    }
    return publish(
        compact(follower.follow(new Watermark(0, model, Watermark.SCHEMA), progress), progress));
  }

  /** Merges the index into a single segment, before the commit that publishes it. */
  private SyncReport compact(SyncReport report, IndexProgress progress) {
    progress.merging();
    long start = System.nanoTime();
    try {
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new IndexException("cannot merge the search index: " + e.getMessage(), e);
    }
    return report.compacted(Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public synchronized int updateVectors(Map<String, float[]> vectors) {
    List<Paper> papers = library.getAll(new ArrayList<>(vectors.keySet()));
    follower.reindex(papers, vectors);
    commit(watermark);
    return papers.size();
  }

  /**
   * Attaches every vector the library holds for the model that the index lacks: the repair for a
   * crash between the embedding queue storing vectors and calling {@link #updateVectors}. Reads all
   * stored vectors, so it is for {@code lectern reindex}-like maintenance, not for every start.
   *
   * @return papers that got their vector
   */
  public synchronized int attachMissingVectors() {
    Map<String, float[]> missing = new java.util.HashMap<>();
    search(
        s -> {
          library
              .embeddings()
              .forEach(
                  model,
                  (id, vector) -> {
                    try {
                      if (VectorLookup.hasDocumentWithoutVector(s, id)) missing.put(id, vector);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
          return null;
        });
    return missing.isEmpty() ? 0 : updateVectors(missing);
  }

  private SyncReport publish(SyncReport report) {
    // nothing new: no commit, so reading an index (eval, a search command) leaves its files as they
    // were
    if (!writer.hasUncommittedChanges() && report.watermark().equals(watermark)) return report;
    commit(report.watermark());
    return report;
  }

  private void commit(Watermark w) {
    try {
      writer.setLiveCommitData(w.toUserData().entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
      watermark = w;
    } catch (IOException e) {
      throw new IndexException("cannot commit the search index: " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T search(SearcherFunction<T> read) {
    IndexSearcher s;
    try {
      s = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return read.apply(s);
    } catch (IOException e) {
      throw new IndexException("cannot read the search index: " + e.getMessage(), e);
    } finally {
      release(s);
    }
  }

  private void release(IndexSearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** What opening did to bring the index up to date (a catch-up sync or a full rebuild). */
  public SyncReport openingReport() {
    return openingReport;
  }

  @Override
  public Watermark watermark() {
    return watermark;
  }

  @Override
  public int size() {
    return search(s -> s.getIndexReader().numDocs());
  }

  /** Whether the index holds a live document for this paper id. */
  public boolean contains(String id) {
    return search(
        s -> s.count(new org.apache.lucene.search.TermQuery(new Term(IndexFields.ID, id))) > 0);
  }

  private Map<String, String> lastCommitData() throws IOException {
    if (!DirectoryReader.indexExists(dir)) return Map.of();
    return DirectoryReader.listCommits(dir).getLast().getUserData();
  }

  /**
   * Closes without committing: what was not synced is picked up from the library on the next open.
   */
  @Override
  public synchronized void close() {
    try (dir;
        writer;
        searchers) {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      throw new IndexException("cannot close the search index: " + e.getMessage(), e);
    } finally {
      if (graphMergers != null) graphMergers.shutdownNow();
      if (documentWriters != null) documentWriters.shutdownNow();
    }
  }
}
