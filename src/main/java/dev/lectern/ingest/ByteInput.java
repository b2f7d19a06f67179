package dev.lectern.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file's bytes, decompressed when it is gzip (recognised by its magic bytes, whatever its name),
 * with the bytes consumed from disk counted so progress matches the file's size for compressed
 * files too.
 */
public final class ByteInput implements Closeable {
  private final CountingStream counted;
  private final InputStream stream;

  private ByteInput(Path path) throws IOException {
    this.counted = new CountingStream(Files.newInputStream(path));
    InputStream in = new BufferedInputStream(counted, 1 << 16);
    in.mark(2);
    int b1 = in.read(), b2 = in.read();
    in.reset();
    this.stream = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** Opens the file; a missing file is an error that names it. */
  public static ByteInput open(Path path) throws IOException {
    try {
      return new ByteInput(path);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + path, e);
    }
  }

  /** The content, decompressed. */
  public InputStream stream() {
    return stream;
  }

  /** Bytes consumed from the file on disk (compressed bytes for gzip). */
  public long bytesRead() {
    return counted.count;
  }

  @Override
  public void close() throws IOException {
    stream.close();
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
