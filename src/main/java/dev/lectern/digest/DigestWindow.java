package dev.lectern.digest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one digest covers. Its days are after {@code since} up to {@code cutoff} (the newest day in
 * the library), and the next digest's days start after that cutoff. But a day's papers do not all
 * arrive at once: arXiv announces the papers submitted after its afternoon deadline with the next
 * day's, and Hugging Face features papers days after their submission. So after a user's first
 * digest ({@code arrivedAfter} not null) a digest lists the papers that entered the library after
 * {@code arrivedAfter}, the previous digest's {@code arrivedUntil}, of days back to {@link
 * #LATE_DAYS} before {@code since}: none missed, none listed twice, and an import of old papers
 * (days further back) is not news.
 *
 * @param arrivedAfter null for a user's first digest: the papers of its days, however they came
 */
public record DigestWindow(LocalDate since, LocalDate cutoff, Instant arrivedAfter) {
  /** How late a paper may arrive and still be news: a weekend, a holiday, a Daily Papers lag. */
  public static final int LATE_DAYS = 7;

  /** The first day whose papers may be in the digest; null for no bound (a feed). */
  public LocalDate firstDay() {
    if (since == null) return null;
    return arrivedAfter == null ? since.plusDays(1) : since.minusDays(LATE_DAYS - 1L);
  }

  /** The newest papers up to {@code cutoff}, however many days back: a user's feed. */
  public static DigestWindow upTo(LocalDate cutoff) {
    return new DigestWindow(null, cutoff, null);
  }
}
