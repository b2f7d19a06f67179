package dev.lectern.ingest;

import java.io.IOException;

/**
 * Where papers come from: a file in some format, or a remote service. A source streams its records
 * into a {@link RecordSink} in constant memory, hands bad records to {@link RecordSink#reject} and
 * keeps going, and announces safe resume points with {@link RecordSink#checkpoint}.
 */
public interface PaperSource {
  /** Recorded as the papers' source and the run's source, e.g. {@code arxiv-snapshot}. */
  String name();

  /** What is read, for messages and the run history: a path or a URL. */
  String input();

  /**
   * The input as the run history records it: the same for every run of the same input, however it
   * was named (a file's absolute path), so that a later run can take over an earlier one's rejects.
   */
  default String runInput() {
    return input();
  }

  /**
   * Total work in the units given to {@link RecordSink#progress} (bytes for files), or -1 when
   * unknown.
   */
  default long size() {
    return -1;
  }

  /** What {@link #size()} counts, for display: {@code bytes} unless the source says otherwise. */
  default String sizeUnit() {
    return "bytes";
  }

  /**
   * The name under which this input's resume point is kept between runs, or null when it cannot
   * resume. The same input must always give the same key.
   */
  default String checkpointKey() {
    return null;
  }

  /**
   * Reads every record into the sink.
   *
   * @param resumeFrom the last checkpoint this source announced in an earlier, unfinished run of
   *     the same input, or null to start at the beginning; a source ignores a checkpoint that no
   *     longer fits its input (say, the file changed)
   * @throws IOException when the input as a whole cannot be read; records read before stay imported
   */
  void read(RecordSink sink, String resumeFrom) throws IOException;
}
