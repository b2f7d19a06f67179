package dev.lectern.json;

import dev.lectern.app.HarvestStatus;
import java.time.Instant;
import java.util.List;

/**
 * The harvest part of {@code /api/v1/status}: {@code state} is off, harvesting, retrying (the last
 * harvest failed; {@code nextRun} is the retry) or idle; moments are ISO instants, null when none.
 */
public record HarvestJson(
    boolean enabled,
    String state,
    String scope,
    String schedule,
    RunningJson running,
    RunJson lastRun,
    String lastCompleted,
    String nextRun,
    int failuresInARow,
    String unreachable) {
  public record RunningJson(String what, String step, long newPapers, String started) {}

  /**
   * @param results a line per source
   * @param errors why the sources that stopped did
   * @param unreachable the servers that could not be reached
   */
  public record RunJson(
      String started,
      String finished,
      boolean completed,
      long newPapers,
      List<String> results,
      List<String> errors,
      List<HarvestStatus.Unreachable> unreachable) {}

  public static HarvestJson of(HarvestStatus h) {
    HarvestStatus.Running r = h.running();
    HarvestStatus.Run last = h.last();
    String state =
        !h.enabled()
            ? "off"
            : r != null ? "harvesting" : h.failuresInARow() > 0 ? "retrying" : "idle";
    return new HarvestJson(
        h.enabled(),
        state,
        h.enabled() ? h.scope() : null,
        h.schedule(),
        r == null ? null : new RunningJson(r.what(), r.step(), r.newPapers(), iso(r.started())),
        last == null
            ? null
            : new RunJson(
                iso(last.started()),
                iso(last.finished()),
                last.completed(),
                last.newPapers(),
                last.results(),
                last.errors(),
                last.unreachable()),
        iso(h.lastCompleted()),
        iso(h.nextRun()),
        h.failuresInARow(),
        h.unreachableSentence());
  }

  private static String iso(Instant at) {
    return at == null ? null : at.toString();
  }
}
