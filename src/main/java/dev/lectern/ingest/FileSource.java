package dev.lectern.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every file-backed source shares: the file, its size for progress, and a checkpoint key that
 * names the file's content as it is now (path, size, modification time), so a saved resume point is
 * used only for the very file it was taken on.
 */
public abstract class FileSource implements PaperSource {
  protected final Path file;
  private final String name;

  protected FileSource(String name, Path file) {
    this.name = name;
    this.file = file;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public String input() {
    return file.toString();
  }

  @Override
  public String runInput() {
    return file.toAbsolutePath().normalize().toString();
  }

  @Override
  public long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public String checkpointKey() {
    try {
      return name() + "|" + TextInput.identity(file);
    } catch (IOException e) {
      return null; // read() reports the missing file in words
    }
  }

  /**
   * Where an interrupted import of this file got to, from a checkpoint written as {@code prefix +
   * number} (e.g. {@code line 5000}); 0 to read from the top. A checkpoint of another form is
   * ignored, with a note.
   */
  protected long resumePosition(String resumeFrom, String prefix, RecordSink sink) {
    if (resumeFrom == null) return 0;
    if (resumeFrom.startsWith(prefix)) {
      try {
        long n = Long.parseLong(resumeFrom.substring(prefix.length()));
        sink.note("resuming after " + prefix + n + " of an interrupted import of " + file);
        return n;
      } catch (NumberFormatException e) {
        // fall through: not a checkpoint of ours
      }
    }
    sink.note(
        "ignoring resume point '" + resumeFrom + "' for " + file + "; reading from the start");
    return 0;
  }
}
