package dev.lectern.feed;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperDays.Dated;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The papers of a day, ranked by {@link Trending} or newest first, with the nearest days that have
 * papers.
 */
public final class DailyFeed {
  /**
   * Papers of one day read to rank them. arXiv announces up to about 2,000 new papers a day across
   * all archives; a day beyond this is ranked among its first papers by id.
   */
  static final int MAX_PER_DAY = 5_000;

  public enum Order {
    TRENDING,
    NEWEST
  }

  /**
   * One paper of the listing.
   *
   * @param score its trending score (also when listed newest first)
   */
  public record Entry(Paper paper, LocalDate day, double score) {}

  /**
   * One page of a day's papers.
   *
   * @param previous the nearest earlier day that has papers, null when none
   * @param next the nearest later day that has papers, null when none
   * @param total papers of the day
   */
  public record Day(
      LocalDate day,
      LocalDate previous,
      LocalDate next,
      Order order,
      int total,
      int offset,
      List<Entry> entries) {}

  private final PaperDays days;

  public DailyFeed(PaperDays days) {
    this.days = days;
  }

  /** The newest day that has papers, null for an empty library. */
  public LocalDate latestDay() {
    return days.latest().orElse(null);
  }

  public Day day(LocalDate day, Order order, int offset, int limit) {
    List<Entry> all =
        days.between(day, day, MAX_PER_DAY).stream()
            .map(
                (Dated d) ->
                    new Entry(
                        d.paper(), d.day(), Trending.score(d.paper().upvotes(), 0, d.day(), day)))
            .sorted(order == Order.TRENDING ? TRENDING : NEWEST)
            .toList();
    List<Entry> page =
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    return new Day(
        day,
        days.before(day).orElse(null),
        days.after(day).orElse(null),
        order,
        all.size(),
        offset,
        List.copyOf(page));
  }

  /** Later arXiv ids were submitted later: the newest of a day first. */
  private static final Comparator<Entry> NEWEST =
      Comparator.comparing(Entry::day).thenComparing(e -> e.paper().id()).reversed();

  private static final Comparator<Entry> TRENDING =
      Comparator.comparingDouble(Entry::score).reversed().thenComparing(NEWEST);
}
