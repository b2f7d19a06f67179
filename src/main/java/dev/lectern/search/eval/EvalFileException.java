package dev.lectern.search.eval;

import java.nio.file.Path;

/**
 * A queries or qrels file that cannot be used; the message names the file and line (when there is
 * one).
 */
public class EvalFileException extends RuntimeException {
  private final Path file;
  private final int line;

  public EvalFileException(Path file, int line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public EvalFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.line = 0;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, 0 when the problem is not on one line. */
  public int line() {
    return line;
  }
}
