package dev.lectern.testing;

import dev.lectern.ingest.RecordSink;
import dev.lectern.paper.Paper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a source hands over, in order, for tests to look at. */
public final class CollectingSink implements RecordSink {
  public record Accepted(Paper paper, String location) {}

  public record Rejected(String location, String reason) {}

  public final List<Accepted> accepted = new ArrayList<>();
  public final List<Rejected> rejected = new ArrayList<>();
  public final List<String> checkpoints = new ArrayList<>();
  public final List<String> notes = new ArrayList<>();

  @Override
  public void accept(Paper paper, String location) {
    accepted.add(new Accepted(paper, location));
  }

  @Override
  public void reject(String location, String reason) {
    rejected.add(new Rejected(location, reason));
  }

  @Override
  public void checkpoint(String position) {
    checkpoints.add(position);
  }

  @Override
  public void note(String message) {
    notes.add(message);
  }

  public List<Paper> papers() {
    return accepted.stream().map(Accepted::paper).toList();
  }

  /** Papers by title, in page order. */
  public Map<String, Paper> byTitle() {
    Map<String, Paper> m = new LinkedHashMap<>();
    for (Paper p : papers()) m.put(p.title(), p);
    return m;
  }

  public List<String> ids() {
    return papers().stream().map(Paper::id).toList();
  }

  public String lastCheckpoint() {
    return checkpoints.getLast();
  }
}
