package dev.lectern.search.bench;

import dev.lectern.app.ConfigException;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A benchmark's own copy of a library: what a benchmark writes (synthetic vectors, a rebuilt index)
 * goes there and never into the user's library. A temporary copy is deleted on close; a named one
 * is kept, marked as a scratch library, so a rerun can reuse it (and its index) instead of copying
 * again.
 */
public final class ScratchLibrary implements AutoCloseable {
  static final String MARKER = "lectern-bench-scratch";

  private final Path dir;
  private final boolean temporary;
  private final boolean reused;
  private final Lectern lectern;

  private ScratchLibrary(Path dir, boolean temporary, boolean reused, Lectern lectern) {
    this.dir = dir;
    this.temporary = temporary;
    this.reused = reused;
    this.lectern = lectern;
  }

  /**
   * A copy of {@code source}'s library in {@code dir}, or in a new temporary directory when {@code
   * dir} is null; a directory an earlier benchmark made is reused as it is.
   */
  public static ScratchLibrary of(Lectern source, Path dir, Consumer<String> log) {
    boolean temporary = dir == null;
    try {
      if (temporary) dir = Files.createTempDirectory("lectern-bench-");
      boolean reused = Files.exists(dir.resolve(MARKER));
      if (!reused) copy(source, dir, log);
      else log.accept("reusing the scratch library in " + dir);
      Settings settings =
          source.settings().with(Settings.DATA_DIR, dir.toString()).with(Settings.DATABASE_URL, "");
      return new ScratchLibrary(dir, temporary, reused, new Lectern(settings));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare a scratch library in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void copy(Lectern source, Path dir, Consumer<String> log) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new ConfigException(
              dir
                  + " is neither empty nor a scratch library an earlier benchmark made:"
                  + " give --scratch a new or empty directory");
        }
      }
    } else if (Files.exists(dir)) {
      throw new ConfigException(
          dir + " is a file, not a directory: give --scratch a new or empty directory");
    }
    Files.createDirectories(dir);
    log.accept(
        "copying the library ("
            + source.library().count()
            + " papers) to the scratch library "
            + dir
            + "; your library is not changed...");
    source.library().database().copyTo(dir.resolve("library.db"));
    Files.writeString(
        dir.resolve(MARKER),
        "a copy of "
            + source.library().database().url()
            + " made by lectern bench; safe to delete\n");
  }

  public Lectern lectern() {
    return lectern;
  }

  public Path dir() {
    return dir;
  }

  /** Whether an earlier benchmark made this copy (so an index it built may be kept). */
  public boolean reused() {
    return reused;
  }

  public boolean temporary() {
    return temporary;
  }

  @Override
  public void close() {
    lectern.close();
    if (!temporary) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind loses nothing
    }
  }
}
