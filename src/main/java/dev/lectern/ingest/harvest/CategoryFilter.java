package dev.lectern.ingest.harvest;

import dev.lectern.ingest.PaperSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.paper.Paper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * A source that keeps only the papers filed under one of some categories (primary or cross-listed),
 * for a harvest of a whole arXiv archive set of which only a few categories are wanted. Rejects,
 * checkpoints and progress pass through unchanged, so the harvest resumes and reports as usual.
 */
final class CategoryFilter implements PaperSource {
  private final PaperSource source;
  private final SortedSet<String> categories;
  private final Set<String> lowerCase;

  CategoryFilter(PaperSource source, SortedSet<String> categories) {
    this.source = source;
    this.categories = categories;
    // arXiv writes subjects in either case (cs.LG, cond-mat.mes-hall); a setting may not match it
    this.lowerCase =
        categories.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public String input() {
    return source.input() + " (" + String.join(", ", categories) + ")";
  }

  @Override
  public String runInput() {
    return input();
  }

  @Override
  public long size() {
    return source.size();
  }

  @Override
  public String sizeUnit() {
    return source.sizeUnit();
  }

  /** Another filter is another harvest: it must not resume from this one's place. */
  @Override
  public String checkpointKey() {
    String key = source.checkpointKey();
    return key == null ? null : key + ":" + String.join(",", categories);
  }

  @Override
  public void read(RecordSink sink, String resumeFrom) throws IOException {
    long[] skipped = {0};
    source.read(
        new RecordSink() {
          @Override
          public void accept(Paper paper, String location) {
            if (wanted(paper)) sink.accept(paper, location);
            else skipped[0]++;
          }

          @Override
          public void reject(String location, String reason) {
            sink.reject(location, reason);
          }

          @Override
          public void checkpoint(String position) {
            sink.checkpoint(position);
          }

          @Override
          public void progress(long done) {
            sink.progress(done);
          }

          @Override
          public void note(String message) {
            sink.note(message);
          }
        },
        resumeFrom);
    if (skipped[0] > 0) {
      sink.note(
          String.format(
              "%,d records outside %s left out", skipped[0], String.join(", ", categories)));
    }
  }

  boolean wanted(Paper paper) {
    for (String c : paper.categories()) {
      if (lowerCase.contains(c.toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }
}
