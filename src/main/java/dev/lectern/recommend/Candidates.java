package dev.lectern.recommend;

import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.List;

/** The papers a recommendation may pick from, in a fixed order (ties keep it). */
public record Candidates(List<String> ids) {
  public Candidates {
    ids = List.copyOf(ids);
  }

  /**
   * The papers of the {@code days} days up to {@code latest} (a paper's day as {@link PaperDays}
   * counts it), at most {@code max}, newest first.
   */
  public static Candidates recent(PaperLibrary library, LocalDate latest, int days, int max) {
    if (days < 1) throw new IllegalArgumentException("the window must be a day or more: " + days);
    return new Candidates(
        library.days().newest(latest.minusDays(days - 1L), latest, false, 0, max).stream()
            .map(PaperDays.Stub::id)
            .toList());
  }
}
