package dev.lectern.recommend.eval;

import dev.lectern.app.ConfigException;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.embed.EmbeddingProgress;
import dev.lectern.embed.EmbeddingQueue;
import dev.lectern.embed.EmbeddingStatus;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.PaperSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.ingest.hf.HfPageSource;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.store.EmbeddingStore;
import dev.lectern.store.PaperLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The library an evaluation of recommendations runs on: the papers of its inputs (saved pages, a
 * snapshot) imported into a scratch library of their own, with their vectors. A vector the user's
 * library already holds for the same text is copied from it; the rest are embedded here, once, when
 * the scratch library is kept ({@code --scratch}) and reused. The user's library is only read.
 */
public final class EvalScratch implements AutoCloseable {
  static final String MARKER = "lectern-eval-recs-scratch";

  private final Path dir;
  private final boolean temporary;
  private final Settings settings;
  private final PaperLibrary donor;
  private final Consumer<String> log;
  private final Map<String, Library> libraries = new LinkedHashMap<>();

  private EvalScratch(
      Path dir, boolean temporary, Settings settings, PaperLibrary donor, Consumer<String> log) {
    this.dir = dir;
    this.temporary = temporary;
    this.settings = settings;
    this.donor = donor;
    this.log = log;
  }

  /**
   * A scratch library in {@code dir} (kept, and reused when an earlier evaluation made it) or in a
   * temporary directory when it is null; {@code donor} is the user's library, or null.
   */
  public static EvalScratch open(
      Settings settings, Path dir, PaperLibrary donor, Consumer<String> log) {
    boolean temporary = dir == null;
    try {
      if (temporary) dir = Files.createTempDirectory("lectern-eval-recs-");
      else prepare(dir, log);
      Files.writeString(
          dir.resolve(MARKER), "a scratch library made by lectern eval-recs; safe to delete\n");
      return new EvalScratch(dir, temporary, settings, donor, log);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare a scratch library in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void prepare(Path dir, Consumer<String> log) throws IOException {
    if (Files.exists(dir.resolve(MARKER))) {
      log.accept("reusing the scratch library in " + dir);
      return;
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new ConfigException(
              dir
                  + " is neither empty nor a scratch library an earlier eval-recs made:"
                  + " give --scratch a new or empty directory");
        }
      }
    } else if (Files.exists(dir)) {
      throw new ConfigException(dir + " is a file: give --scratch a new or empty directory");
    }
    Files.createDirectories(dir);
  }

  /**
   * The scratch library of one evaluation ({@code dir/name}): each has its own, so that papers of
   * one input never merge with another's (a generated snapshot can repeat a page's title).
   */
  public Library library(String name) {
    return libraries.computeIfAbsent(
        name,
        n ->
            new Library(
                new Lectern(
                    settings
                        .with(Settings.DATA_DIR, dir.resolve(n).toString())
                        .with(Settings.DATABASE_URL, ""))));
  }

  /** A scratch library: its papers come from the inputs imported into it. */
  public final class Library {
    private final Lectern lectern;

    private Library(Lectern lectern) {
      this.lectern = lectern;
    }

    private PaperLibrary library() {
      return lectern.library();
    }

    public Path dir() {
      return lectern.settings().dataDir();
    }

    /**
     * Imports saved Daily Papers pages; each page's paper ids, in the order the page lists them.
     */
    public Map<String, List<String>> importPages(List<Path> pages) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Path page : pages) out.put(page.getFileName().toString(), load(new HfPageSource(page)));
      return out;
    }

    /** Imports an arXiv metadata snapshot; its paper ids, in file order. */
    public List<String> importSnapshot(Path file) {
      return load(new SnapshotSource(file));
    }

    private List<String> load(PaperSource source) {
      List<Paper> read = new ArrayList<>();
      try {
        source.read(new Collected(read), null);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source.input() + ": " + e.getMessage(), e);
      }
      new Importer(library(), Importer.DEFAULT_BATCH_SIZE, ImportProgress.QUIET).run(source);
      // a record with an arXiv id keeps it; one without (a page's) is found by its title
      Map<String, String> byTitle =
          library()
              .idsByTitleKey(
                  read.stream()
                      .filter(p -> !p.hasArxivId())
                      .map(Paper::titleKey)
                      .distinct()
                      .toList());
      return read.stream()
          .map(p -> p.hasArxivId() ? p.id() : byTitle.get(p.titleKey()))
          .filter(java.util.Objects::nonNull)
          .distinct()
          .toList();
    }

    /** Keeps each record a source reads. */
    private record Collected(List<Paper> papers) implements RecordSink {
      @Override
      public void accept(Paper paper, String location) {
        papers.add(paper);
      }

      @Override
      public void reject(String location, String reason) {}

      @Override
      public void checkpoint(String position) {}
    }

    /** The papers with these ids, in that order. */
    public List<Paper> papers(List<String> ids) {
      Map<String, Paper> byId = new HashMap<>();
      for (Paper p : library().getAll(ids)) byId.put(p.id(), p);
      return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The vectors of these papers: copied from the user's library or embedded where missing. */
    public PaperVectors vectors(List<String> ids) {
      EmbeddingStore store = library().embeddings();
      String model = OnnxBgeEmbedder.MODEL_ID;
      List<EmbeddingStore.Pending> pending = store.pending(model, Integer.MAX_VALUE);
      int copied = copyFromDonor(pending);
      long left = store.pendingCount(model);
      log.accept(
          String.format(
              "vectors: %,d of %,d papers already here, %,d copied from your library, %,d to embed",
              library().count() - pending.size(), library().count(), copied, left));
      if (left > 0) {
        var queue =
            new EmbeddingQueue(
                store,
                lectern.embedder(),
                EmbeddingQueue.Options.defaults(),
                v -> {},
                new Progress(log));
        var summary = queue.runUntilDone();
        log.accept(
            String.format(
                "embedded %,d papers in %.0f s",
                summary.embedded(), summary.elapsed().toMillis() / 1e3));
      }
      return PaperVectors.load(store, model, ids);
    }

    private int copyFromDonor(List<EmbeddingStore.Pending> pending) {
      if (donor == null || pending.isEmpty()) return 0;
      Map<String, String> donorIds =
          donor.idsByTitleKey(pending.stream().map(p -> p.paper().titleKey()).toList());
      Map<String, String> wanted = new HashMap<>(); // donor id -> the text hash ours needs
      Map<String, EmbeddingStore.Pending> ours = new HashMap<>();
      for (var p : pending) {
        String donorId = donorIds.get(p.paper().titleKey());
        if (donorId == null) continue;
        wanted.put(donorId, p.textHash());
        ours.put(donorId, p);
      }
      Map<String, float[]> found = donor.embeddings().getFresh(OnnxBgeEmbedder.MODEL_ID, wanted);
      Map<String, float[]> vectors = new HashMap<>();
      Map<String, String> hashes = new HashMap<>();
      found.forEach(
          (donorId, v) -> {
            var p = ours.get(donorId);
            vectors.put(p.paper().id(), v);
            hashes.put(p.paper().id(), p.textHash());
          });
      library().embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, hashes);
      return vectors.size();
    }
  }

  public Path dir() {
    return dir;
  }

  /** A line every 30 seconds while the model works: it can take minutes. */
  private static final class Progress implements EmbeddingProgress {
    private final Consumer<String> log;
    private long last = System.nanoTime();

    Progress(Consumer<String> log) {
      this.log = log;
    }

    @Override
    public void chunkStored(EmbeddingStatus s) {
      if (System.nanoTime() - last < 30_000_000_000L) return;
      last = System.nanoTime();
      log.accept(
          String.format(
              "embedded %,d of %,d (%.1f papers/s)", s.done(), s.total(), s.docsPerSecond()));
    }
  }

  @Override
  public void close() {
    libraries.values().forEach(l -> l.lectern.close());
    if (!temporary) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind loses nothing
    }
  }
}
