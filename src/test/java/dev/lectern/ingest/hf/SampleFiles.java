package dev.lectern.ingest.hf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The shared sample pages and the test fixtures. */
final class SampleFiles {
  private SampleFiles() {}

  /** A saved Daily Papers page from the shared corpus next to the project ({@code ../shared}). */
  static Path page(String name) {
    Path dir = Path.of("..", "shared", "corpus", "hf-papers");
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "sample page "
              + file.toAbsolutePath().normalize()
              + " is missing: these "
              + "tests need the shared corpus checked out beside the project (../shared/corpus/hf-papers)");
    }
    return file;
  }

  /** A fixture under src/test/resources/hf, as a file. */
  static Path fixture(String name) {
    Path file = Path.of("src", "test", "resources", "hf", name);
    if (!Files.isRegularFile(file))
      throw new IllegalStateException("test fixture " + file + " is missing");
    return file;
  }

  static Path gzip(Path source, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(source);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      in.transferTo(out);
    }
    return target;
  }
}
