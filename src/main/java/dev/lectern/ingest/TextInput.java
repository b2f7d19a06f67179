package dev.lectern.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file read line by line in constant memory, gzip-compressed or not (see {@link ByteInput}),
 * with the line number and the bytes consumed from disk for progress reporting. Invalid UTF-8
 * becomes U+FFFD, so binary noise shows up as a bad record rather than a crash.
 */
public final class TextInput implements Closeable {
  private final Path path;
  private final ByteInput bytes;
  private final BufferedReader reader;
  private long lineNumber;

  private TextInput(Path path, ByteInput bytes) {
    this.path = path;
    this.bytes = bytes;
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.reader = new BufferedReader(new InputStreamReader(bytes.stream(), decoder), 1 << 16);
  }

  /** Opens the file; a missing or unreadable file is an error that names it. */
  public static TextInput open(Path path) throws IOException {
    return new TextInput(path, ByteInput.open(path));
  }

  /** The next line without its terminator, or null at the end. */
  public String readLine() throws IOException {
    String line = reader.readLine();
    if (line != null) lineNumber++;
    return line;
  }

  /** Number of the line last returned, counting from 1. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Bytes consumed from the file on disk (compressed bytes for gzip). */
  public long bytesRead() {
    return bytes.bytesRead();
  }

  public String location() {
    return path + ":" + lineNumber;
  }

  /**
   * A key that names this file's content as it is now: the same path, size and modification time
   * mean the same input, so a saved resume point still applies.
   */
  public static String identity(Path path) throws IOException {
    return path.toAbsolutePath().normalize()
        + "|"
        + Files.size(path)
        + "|"
        + Files.getLastModifiedTime(path).toMillis();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
