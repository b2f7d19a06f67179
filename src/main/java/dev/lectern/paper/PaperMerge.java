package dev.lectern.paper;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges two sightings of the same paper into one: a newer version updates the fields it has,
 * otherwise the richer value of each field is kept. Merging is idempotent ({@code merge(a, b)}
 * merged with {@code b} again gives the same paper), which is what makes re-imports change nothing.
 */
public final class PaperMerge {
  private PaperMerge() {}

  public static Paper merge(Paper existing, Paper incoming) {
    boolean newer = isNewer(incoming, existing);
    String id = existing.hasArxivId() || !incoming.hasArxivId() ? existing.id() : incoming.id();
    Set<String> sources = new TreeSet<>(existing.sources());
    sources.addAll(incoming.sources());
    return new Paper(
        id,
        pick(existing.title(), incoming.title(), newer),
        pick(existing.abstractText(), incoming.abstractText(), newer),
        (newer && !incoming.authors().isEmpty())
                || incoming.authors().size() > existing.authors().size()
            ? incoming.authors()
            : existing.authors(),
        mergeCategories(existing.categories(), incoming.categories(), newer),
        earliest(existing.submitted(), incoming.submitted()),
        latest(existing.updated(), incoming.updated()),
        Math.max(existing.versions(), incoming.versions()),
        pick(existing.doi(), incoming.doi(), newer),
        pick(existing.journalRef(), incoming.journalRef(), newer),
        pick(existing.comments(), incoming.comments(), newer),
        pick(existing.license(), incoming.license(), newer),
        incoming.upvotes() != null ? incoming.upvotes() : existing.upvotes(),
        sources);
  }

  /** Incoming is a later version of the paper than what the library holds. */
  static boolean isNewer(Paper incoming, Paper existing) {
    // Versions decide when both sources count them; otherwise (0 = unknown) the later update date
    // does.
    if (incoming.versions() > 0
        && existing.versions() > 0
        && incoming.versions() != existing.versions()) {
      return incoming.versions() > existing.versions();
    }
    return incoming.updated() != null
        && existing.updated() != null
        && incoming.updated().isAfter(existing.updated());
  }

  /**
   * A newer version's value wins when it has one; otherwise the longer (richer) value, existing on
   * ties.
   */
  private static String pick(String existing, String incoming, boolean newer) {
    if (Text.isBlank(incoming)) return existing;
    if (Text.isBlank(existing) || newer) return incoming;
    return incoming.length() > existing.length() ? incoming : existing;
  }

  private static List<String> mergeCategories(
      List<String> existing, List<String> incoming, boolean newer) {
    Set<String> merged = new LinkedHashSet<>(newer ? incoming : existing);
    merged.addAll(newer ? existing : incoming);
    return List.copyOf(merged);
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }
}
