package dev.lectern.feed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The trending score of a paper listed among the papers of a day or a range of days:
 *
 * <pre>
 *   trending = (upvotes + votes + 1) / (age + 2)^1.5
 * </pre>
 *
 * where {@code upvotes} are the Hugging Face Daily Papers upvotes imported with the paper (0 when
 * it never appeared there), {@code votes} the upvotes of this Lectern's own users (one per user),
 * and {@code age} the days between the paper's day and the last day listed. The +1 keeps papers
 * without votes ordered by recency; the +2 and the exponent (the gravity of Hacker News's ranking)
 * let a paper with many votes stay above newer ones for a few days, not for weeks. Measured from
 * the last day listed rather than from now, an old day ranks the same whenever it is looked at; on
 * a single day every age is 0 and the order is that of the votes.
 */
public final class Trending {
  static final double GRAVITY = 1.5;

  private Trending() {}

  /**
   * @param upvotes imported upvotes, null when never seen on Hugging Face
   * @param votes local votes
   * @param day the paper's day
   * @param reference the last day of the listing; a paper after it counts as age 0
   */
  public static double score(Integer upvotes, int votes, LocalDate day, LocalDate reference) {
    long age = Math.max(0, ChronoUnit.DAYS.between(day, reference));
    double points = (upvotes == null ? 0 : Math.max(0, upvotes)) + Math.max(0, votes) + 1;
    return points / Math.pow((double) age + 2, GRAVITY);
  }
}
