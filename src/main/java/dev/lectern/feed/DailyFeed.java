package dev.lectern.feed;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperDays.Stub;
import dev.lectern.store.PaperDays.Voted;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The papers of a day, a week or a month (the 1, 7 or 30 days ending at a chosen day), ranked by
 * {@link Trending} or newest first, with the neighbouring spans that have papers.
 */
public final class DailyFeed {
  /**
   * Papers with upvotes read to rank a span. Hugging Face lists a few dozen papers a day, so a
   * month has a few thousand at most; a span beyond this ranks those it read.
   */
  static final int MAX_UPVOTED = 100_000;

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

  public DailyFeed(PaperLibrary library) {
    this.library = library;
    this.days = library.days();
  }

  /** The newest day that has papers, null for an empty library. */
  public LocalDate latestDay() {
    return days.latest().orElse(null);
  }

  /**
   * The page of the span ending at {@code end}. Only the page's papers are read whole; the ranking
   * reads ids, days and upvotes from the day index, and no further than the page (see {@link
   * #trending}), so a month of 60,000 papers costs little more than a day.
   */
  public Listing list(Span span, LocalDate end, Order order, int offset, int limit) {
    LocalDate from = span.firstDay(end);
    List<Ranked> page =
        order == Order.NEWEST
            ? newest(from, end, offset, limit)
            : trending(from, end, offset, limit);
    Map<String, Paper> papers =
        library.getAll(page.stream().map(Ranked::id).toList()).stream()
            .collect(Collectors.toMap(Paper::id, Function.identity(), (a, b) -> a));
    // a paper that moved to another id since its day was read is left out of this page
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
        days.count(from, end),
        offset,
        entries);
  }

  /** A page newest first, each paper with its trending score, local votes included. */
  private List<Ranked> newest(LocalDate from, LocalDate end, int offset, int limit) {
    List<Stub> page = days.newest(from, end, false, offset, limit);
    Map<String, Integer> votes = new HashMap<>();
    if (!page.isEmpty()) {
      Set<String> ids = page.stream().map(Stub::id).collect(Collectors.toSet());
      for (Voted v : days.voted(from, end, MAX_UPVOTED))
        if (ids.contains(v.paper().id())) votes.put(v.paper().id(), v.votes());
    }
    return ranked(page, end, votes);
  }

  /**
   * A page of the trending order. A paper without upvotes or local votes scores by its day alone,
   * so those papers are in trending order when newest first, as the day index has them: only the
   * papers with either (a few dozen a day) are ranked, and merged into the first {@code offset +
   * limit} of the others.
   */
  private List<Ranked> trending(LocalDate from, LocalDate end, int offset, int limit) {
    int window = offset + limit;
    Map<String, Integer> votes = new HashMap<>();
    Map<String, Stub> ranked = new LinkedHashMap<>();
    for (Stub s : days.upvoted(from, end, MAX_UPVOTED)) ranked.put(s.id(), s);
    // papers with local votes are ranked too, those without Hugging Face upvotes included
    for (Voted v : days.voted(from, end, MAX_UPVOTED)) {
      votes.put(v.paper().id(), v.votes());
      ranked.putIfAbsent(v.paper().id(), v.paper());
    }
    List<Ranked> voted =
        ranked(List.copyOf(ranked.values()), end, votes).stream().sorted(TRENDING).toList();
    // the others, newest first, without those ranked above: read a little further to make up
    List<Ranked> rest =
        ranked(days.newest(from, end, true, 0, window + votes.size()), end, votes).stream()
            .filter(r -> !ranked.containsKey(r.id()))
            .toList();
    List<Ranked> merged = new ArrayList<>(Math.min(window, voted.size() + rest.size()));
    int v = 0, r = 0;
    while (merged.size() < window && (v < voted.size() || r < rest.size())) {
      boolean takeVoted =
          r == rest.size()
              || (v < voted.size() && TRENDING.compare(voted.get(v), rest.get(r)) <= 0);
      merged.add(takeVoted ? voted.get(v++) : rest.get(r++));
    }
    return merged.subList(Math.min(offset, merged.size()), merged.size());
  }

  private static List<Ranked> ranked(List<Stub> stubs, LocalDate end, Map<String, Integer> votes) {
    return stubs.stream()
        .map(
            s ->
                new Ranked(
                    s.id(),
                    s.day(),
                    Trending.score(s.upvotes(), votes.getOrDefault(s.id(), 0), s.day(), end)))
        .toList();
  }

  private LocalDate next(Span span, LocalDate end) {
    LocalDate start = days.after(end).orElse(null);
    if (start == null) return null;
    LocalDate last = start.plusDays(span.days() - 1L);
    LocalDate latest = days.latest().orElse(start);
    return last.isAfter(latest) ? latest : last;
  }

  private record Ranked(String id, LocalDate day, double score) {}

  /** Later arXiv ids were submitted later: the newest of a day first. */
  private static final Comparator<Ranked> NEWEST =
      Comparator.comparing(Ranked::day).thenComparing(Ranked::id).reversed();

  private static final Comparator<Ranked> TRENDING =
      Comparator.comparingDouble(Ranked::score).reversed().thenComparing(NEWEST);
}
