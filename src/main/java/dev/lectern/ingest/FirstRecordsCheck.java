package dev.lectern.ingest;

import dev.lectern.paper.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds a file's first records back until one of them is good. When the first {@value #RECORDS}
 * records (or all of a shorter file) are rejected, the file is not in the format it is read as: the
 * import stops with nothing of the file stored, and the error says what the file looks like
 * instead. After the first good record everything passes straight through, so a file with bad
 * records here and there imports as before.
 */
final class FirstRecordsCheck implements RecordSink {
  static final int RECORDS = 20;

  private final RecordSink target;
  private final Path file;
  private final SourceFormat format;

  /** Events held back, in order; null once released. */
  private List<Consumer<RecordSink>> held = new ArrayList<>();

  private int rejected;
  private String firstReject;

  FirstRecordsCheck(RecordSink target, Path file, SourceFormat format) {
    this.target = target;
    this.file = file;
    this.format = format;
  }

  @Override
  public void accept(Paper paper, String location) {
    if (held == null) {
      target.accept(paper, location);
      return;
    }
    held.add(s -> s.accept(paper, location));
    release();
  }

  @Override
  public void reject(String location, String reason) {
    if (held == null) {
      target.reject(location, reason);
      return;
    }
    held.add(s -> s.reject(location, reason));
    if (firstReject == null) firstReject = location + ": " + reason;
    if (++rejected >= RECORDS) throw wrongFormat();
  }

  @Override
  public void checkpoint(String position) {
    if (held == null) target.checkpoint(position);
    else held.add(s -> s.checkpoint(position));
  }

  @Override
  public void progress(long done) {
    if (held == null) target.progress(done);
    else held.add(s -> s.progress(done));
  }

  @Override
  public void note(String message) {
    if (held == null) target.note(message);
    else held.add(s -> s.note(message));
  }

  /** The file has ended: rejected records and not one good one mean the wrong format. */
  void end() {
    if (held != null && rejected > 0) throw wrongFormat();
    release();
  }

  /** Passes what was held on to the target, and everything after straight through. */
  void release() {
    if (held == null) return;
    List<Consumer<RecordSink>> events = held;
    held = null;
    events.forEach(e -> e.accept(target));
  }

  private WrongFormatException wrongFormat() {
    String example =
        firstReject.length() > 160 ? firstReject.substring(0, 157) + "..." : firstReject;
    return new WrongFormatException(
        file
            + ": none of its "
            + (rejected >= RECORDS ? "first " : "")
            + rejected
            + " records could be read as "
            + format.contentDescription()
            + " ("
            + example
            + "); "
            + lookAlike()
            + "; nothing was imported from it");
  }

  private String lookAlike() {
    try {
      FileContent content = FileContent.of(file);
      if (content.format() != null && content.format() != format || content.rulesOut(format)) {
        String advice = content.advice(file);
        return "this looks like " + content.description() + (advice == null ? "" : "; " + advice);
      }
    } catch (IOException e) {
      // the records said enough
    }
    return "lectern import --help lists the formats Lectern reads";
  }
}
