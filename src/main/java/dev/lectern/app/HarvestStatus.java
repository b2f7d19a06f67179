package dev.lectern.app;

import java.time.Instant;
import java.util.List;

/**
 * Where serve's harvesting stands, for the pages and the API.
 *
 * @param enabled whether serve harvests at all
 * @param scope what it harvests, as people read it ({@code cs.LG, cs.CL and stat.ML})
 * @param schedule when the daily harvest runs ({@code 20:30 America/New_York, Sunday to Thursday});
 *     null when it does not
 * @param running the harvest in progress; null when none is
 * @param last the last harvest this process ran to its end; null before the first
 * @param lastCompleted when a harvest last completed, in this process or an earlier one; null when
 *     none ever did (the first harvest is still to come, or failed)
 * @param nextRun when the next harvest runs; null when none is planned
 * @param failuresInARow harvests that failed since the last one that completed
 * @param now when this status was taken, by the harvest's clock
 */
public record HarvestStatus(
    boolean enabled,
    String scope,
    String schedule,
    Running running,
    Run last,
    Instant lastCompleted,
    Instant nextRun,
    int failuresInARow,
    Instant now) {
  /** A process that does not harvest. */
  public static HarvestStatus off() {
    return new HarvestStatus(false, "", null, null, null, null, null, 0, Instant.now());
  }

  public HarvestStatus {
    failuresInARow = Math.max(0, failuresInARow);
  }

  /**
   * A harvest in progress.
   *
   * @param what what it fetches, for a sentence: {@code the last 3 days of cs.LG and cs.CL from
   *     arXiv, and Hugging Face's Daily Papers}
   * @param step the source it is reading now
   * @param newPapers papers new to the library so far
   */
  public record Running(String what, String step, long newPapers, Instant started) {}

  /**
   * A harvest that ended.
   *
   * @param completed whether every source was read to its end
   * @param results a line per source: what it read, or that it stopped
   * @param errors why the sources that stopped did, in full; empty when the harvest completed
   * @param unreachable the servers that could not be reached at all
   */
  public record Run(
      Instant started,
      Instant finished,
      boolean completed,
      long newPapers,
      List<String> results,
      List<String> errors,
      List<Unreachable> unreachable) {
    public Run {
      results = List.copyOf(results);
      errors = List.copyOf(errors);
      unreachable = List.copyOf(unreachable);
    }
  }

  /**
   * A server the harvest could not connect to.
   *
   * @param source {@code arXiv} or {@code Hugging Face}
   * @param server its host (and port, when one is given)
   * @param reason {@code host not found}, {@code connection refused}, {@code timed out connecting}
   */
  public record Unreachable(String source, String server, String reason) {}

  /** Whether no harvest has completed yet: the library is waiting for its first papers. */
  public boolean firstHarvest() {
    return enabled && lastCompleted == null;
  }

  /** Whether the last harvest failed because a server could not be reached. */
  public boolean unreachable() {
    return last != null && !last.completed() && !last.unreachable().isEmpty();
  }

  /**
   * Why the last harvest could not fetch papers, in one plain sentence: {@code arXiv
   * (oaipmh.arxiv.org) and Hugging Face (huggingface.co) cannot be reached: host not found.}; null
   * when it could.
   */
  public String unreachableSentence() {
    if (!unreachable()) return null;
    List<Unreachable> u = last.unreachable();
    boolean sameReason = u.stream().map(Unreachable::reason).distinct().count() == 1;
    List<String> names =
        u.stream()
            .map(x -> x.source() + " (" + x.server() + (sameReason ? "" : ": " + x.reason()) + ")")
            .toList();
    String who =
        names.size() == 1
            ? names.getFirst()
            : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    return who + " cannot be reached" + (sameReason ? ": " + u.getFirst().reason() : "") + ".";
  }
}
