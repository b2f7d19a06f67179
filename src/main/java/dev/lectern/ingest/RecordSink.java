package dev.lectern.ingest;

import dev.lectern.paper.Paper;

/** Receives what a {@link PaperSource} reads. */
public interface RecordSink {
  /** A good record; {@code location} says where it was read (file:line, URL#n). */
  void accept(Paper paper, String location);

  /** A record that cannot be imported: where it is and why, in words a user can act on. */
  void reject(String location, String reason);

  /**
   * Everything read before this call may be skipped when an interrupted import of the same input
   * resumes; {@code position} is the source's own description of that point, given back to it on
   * resume.
   */
  void checkpoint(String position);

  /** Work done so far, in the units of {@link PaperSource#size()}. */
  default void progress(long done) {}

  /** A note for the user that is neither a record nor an error, e.g. "resuming at line 5000". */
  default void note(String message) {}
}
