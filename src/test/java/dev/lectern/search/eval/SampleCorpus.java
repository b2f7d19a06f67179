package dev.lectern.search.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared sample corpus and relevance set beside the project ({@code ../shared}). */
final class SampleCorpus {
  private SampleCorpus() {}

  static Path eval(String name) {
    return require(Path.of("..", "shared", "eval", name));
  }

  static Path page(String name) {
    return require(Path.of("..", "shared", "corpus", "hf-papers", name));
  }

  private static Path require(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath().normalize()
              + " is missing: these tests need the "
              + "shared corpus checked out beside the project (../shared)");
    }
    return file;
  }
}
