package dev.lectern.testing;

import dev.lectern.embed.EmbeddingProgress;
import dev.lectern.embed.EmbeddingQueue;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A library of the three sample pages (233 papers), every paper embedded by the real model, as
 * {@code lectern import hf-page} and {@code lectern embed} make it. The model runs once per test
 * run (about a minute here); each test gets its own copy.
 */
public final class EmbeddedSamplePages {
  private static Path master;

  private EmbeddedSamplePages() {}

  /** Puts a copy of the library in {@code dataDir} (its {@code library.db}). */
  public static synchronized void copyTo(Path dataDir) {
    if (master == null) master = build();
    new PaperLibrary(Database.openEmbedded(master))
        .database()
        .copyTo(createDirectories(dataDir).resolve("library.db"));
  }

  private static Path build() {
    try {
      Path dir = Files.createTempDirectory("lectern-embedded-sample-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
      for (String page : List.of("page-a.txt", "page-b.txt", "page-c.txt"))
        TestLibrary.importHfPage(library, page);
      try (OnnxBgeEmbedder embedder = OnnxBgeEmbedder.open()) {
        new EmbeddingQueue(
                library.embeddings(),
                embedder,
                EmbeddingQueue.Options.defaults(),
                v -> {},
                EmbeddingProgress.QUIET)
            .runUntilDone();
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind loses nothing
    }
  }
}
