package dev.lectern.feed;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The papers of a day, a week or a month (the 1, 7 or 30 days ending at a chosen day), ranked by
 * {@link Trending} or newest first, with the neighbouring spans that have papers.
 */
public final class DailyFeed {
  /**
   * Papers of one span read to rank them. A month of all of arXiv is about 25,000 new papers; a
   * span beyond this is ranked among the papers of its newest days.
   */
  static final int MAX_PER_SPAN = 250_000;

  /**
   * Rankings kept for the next page of the same span and order: a month of 60,000 papers is a few
   * MiB, and reading it again takes tens of milliseconds.
   */
  static final int RANKINGS_KEPT = 6;

  /** How many days a listing covers, ending at its day. */
  public enum Span {
    DAY(1),
    WEEK(7),
    MONTH(30);

    private final int days;

    Span(int days) {
      this.days = days;
    }

    public int days() {
      return days;
    }

    /** The first day of the span that ends at {@code end}. */
    public LocalDate firstDay(LocalDate end) {
      return end.minusDays(days - 1L);
    }
  }

  public enum Order {
    TRENDING,
    NEWEST
  }

  /**
   * One paper of the listing.
   *
   * @param day the day it counts on: its submission date, or the day it entered the library
   * @param score its trending score (also when listed newest first)
   */
  public record Entry(Paper paper, LocalDate day, double score) {}

  /**
   * One page of a span's papers.
   *
   * @param from the first day of the span, {@code to} its last
   * @param previous the last day of the span before, which ends at the nearest earlier day that has
   *     papers; null when none
   * @param next the last day of the span after, which starts at the nearest later day that has
   *     papers (and ends no later than the newest such day); null when none
   * @param total papers of the span
   */
  public record Listing(
      Span span,
      LocalDate from,
      LocalDate to,
      LocalDate previous,
      LocalDate next,
      Order order,
      int total,
      int offset,
      List<Entry> entries) {}

  private final PaperLibrary library;
  private final PaperDays days;
  private final Rankings<RankingKey, List<Ranked>> rankings;

  public DailyFeed(PaperLibrary library) {
    this.library = library;
    this.days = library.days();
    this.rankings = new Rankings<>(RANKINGS_KEPT, library::lastChangeSeq);
  }

  /** The newest day that has papers, null for an empty library. */
  public LocalDate latestDay() {
    return days.latest().orElse(null);
  }

  /**
   * The page of the span ending at {@code end}: every paper of the span is ranked from its id, day
   * and upvotes alone, then only the page's papers are read whole.
   */
  public Listing list(Span span, LocalDate end, Order order, int offset, int limit) {
    LocalDate from = span.firstDay(end);
    List<Ranked> ranked =
        rankings.get(new RankingKey(span, end, order), () -> rank(from, end, order));
    List<Ranked> page =
        ranked.subList(Math.min(offset, ranked.size()), Math.min(offset + limit, ranked.size()));
    Map<String, Paper> papers =
        library.getAll(page.stream().map(Ranked::id).toList()).stream()
            .collect(Collectors.toMap(Paper::id, Function.identity(), (a, b) -> a));
    // a paper that moved to another id since the ranking was read is left out of this page
    List<Entry> entries =
        page.stream()
            .filter(r -> papers.containsKey(r.id()))
            .map(r -> new Entry(papers.get(r.id()), r.day(), r.score()))
            .toList();
    return new Listing(
        span,
        from,
        end,
        days.before(from).orElse(null),
        next(span, end),
        order,
        ranked.size(),
        offset,
        entries);
  }

  private List<Ranked> rank(LocalDate from, LocalDate end, Order order) {
    return days.stubs(from, end, MAX_PER_SPAN).stream()
        .map(s -> new Ranked(s.id(), s.day(), Trending.score(s.upvotes(), 0, s.day(), end)))
        .sorted(order == Order.TRENDING ? TRENDING : NEWEST)
        .toList();
  }

  private LocalDate next(Span span, LocalDate end) {
    LocalDate start = days.after(end).orElse(null);
    if (start == null) return null;
    LocalDate last = start.plusDays(span.days() - 1L);
    LocalDate latest = days.latest().orElse(start);
    return last.isAfter(latest) ? latest : last;
  }

  record Ranked(String id, LocalDate day, double score) {}

  record RankingKey(Span span, LocalDate end, Order order) {}

  /** Later arXiv ids were submitted later: the newest of a day first. */
  private static final Comparator<Ranked> NEWEST =
      Comparator.comparing(Ranked::day).thenComparing(Ranked::id).reversed();

  private static final Comparator<Ranked> TRENDING =
      Comparator.comparingDouble(Ranked::score).reversed().thenComparing(NEWEST);
}
