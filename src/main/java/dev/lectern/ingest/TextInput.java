package dev.lectern.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A text file read line by line in constant memory, gzip-compressed or not (recognised by its magic bytes,
 * whatever its name), with the line number and the bytes consumed from disk for progress reporting.
 * Invalid UTF-8 becomes U+FFFD, so binary noise shows up as a bad record rather than a crash.
 */
public final class TextInput implements Closeable {
  private final Path path;
  private final CountingStream counted;
  private final BufferedReader reader;
  private long lineNumber;

  private TextInput(Path path) throws IOException {
    this.path = path;
    this.counted = new CountingStream(Files.newInputStream(path));
    InputStream in = new BufferedInputStream(counted, 1 << 16);
    in.mark(2);
    int b1 = in.read(), b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) in = new GZIPInputStream(in, 1 << 16);
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  /** Opens the file; a missing or unreadable file is an error that names it. */
  public static TextInput open(Path path) throws IOException {
    try {
      return new TextInput(path);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + path, e);
    }
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
    return counted.count;
  }

  public String location() {
    return path + ":" + lineNumber;
  }

  /**
   * A key that names this file's content as it is now: the same path, size and modification time mean the
   * same input, so a saved resume point still applies.
   */
  public static String identity(Path path) throws IOException {
    return path.toAbsolutePath().normalize() + "|" + Files.size(path) + "|"
        + Files.getLastModifiedTime(path).toMillis();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
