package dev.lectern.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.feed.DailyFeed.Entry;
import dev.lectern.feed.DailyFeed.Listing;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.feed.DailyFeed.Span;
import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Days, weeks and months of a real library: what each span holds, its order and its neighbours. */
class DailyFeedTest {
  static final LocalDate END = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;
  PaperLibrary library;
  DailyFeed feed;
  final List<Paper> written = new ArrayList<>();

  @BeforeEach
  void library() {
    library = new PaperLibrary(Database.openEmbedded(dir));
    write(
        paper("2403.30001", END, null),
        paper("2403.30002", END, 2),
        paper("2403.29001", END.minusDays(1), 8),
        // six days old at the end of a week: (60 + 1) / 8^1.5 = 2.70 beats (8 + 1) / 3^1.5 = 1.73
        paper("2403.25001", END.minusDays(6), 60),
        paper("2403.24001", END.minusDays(7), 1000), // the week before
        paper("2403.02001", END.minusDays(29), 5),
        paper("2403.01001", END.minusDays(30), 5), // the month before
        paper("2402.01001", LocalDate.of(2024, 2, 1), 1));
    feed = new DailyFeed(library);
  }

  @Test
  void aWeekIsTheSevenDaysEndingAtItsDayRankedWithTheDecayMeasuredFromItsEnd() {
    Listing week = feed.list(Span.WEEK, END, Order.TRENDING, 0, 10);
    assertThat(week.from()).isEqualTo(END.minusDays(6));
    assertThat(week.total()).isEqualTo(4);
    assertThat(ids(week)).containsExactly("2403.25001", "2403.29001", "2403.30002", "2403.30001");
    assertThat(week.entries().getFirst().score())
        .isEqualTo(Trending.score(60, 0, END.minusDays(6), END));
    assertThat(week.entries().getFirst().day()).isEqualTo(END.minusDays(6));

    // the same papers seen from a week that ends earlier: younger, so the big vote count leads
    Listing earlier = feed.list(Span.WEEK, END.minusDays(1), Order.TRENDING, 0, 10);
    assertThat(ids(earlier).getFirst()).isEqualTo("2403.24001");
  }

  @Test
  void newestFirstOrdersByDayThenByIdDescending() {
    Listing week = feed.list(Span.WEEK, END, Order.NEWEST, 0, 10);
    assertThat(ids(week)).containsExactly("2403.30002", "2403.30001", "2403.29001", "2403.25001");
  }

  @Test
  void aMonthIsThirtyDaysAndPagesSplitTheRanking() {
    Listing month = feed.list(Span.MONTH, END, Order.TRENDING, 0, 3);
    assertThat(month.from()).isEqualTo(END.minusDays(29));
    assertThat(month.total()).isEqualTo(6);
    assertThat(ids(month)).containsExactly("2403.24001", "2403.25001", "2403.29001");
    Listing second = feed.list(Span.MONTH, END, Order.TRENDING, 3, 3);
    assertThat(second.offset()).isEqualTo(3);
    assertThat(ids(second)).containsExactly("2403.30002", "2403.30001", "2403.02001");
    assertThat(feed.list(Span.MONTH, END, Order.TRENDING, 6, 3).entries()).isEmpty();
  }

  @Test
  void neighboursAreTheSpansEndingBeforeAndStartingAfterWithPapers() {
    Listing week = feed.list(Span.WEEK, END.minusDays(7), Order.TRENDING, 0, 10);
    // the week before ends at the nearest earlier day with papers, 2 March
    assertThat(week.previous()).isEqualTo(END.minusDays(29));
    // the week after starts on 25 March and would end on the 31st
    assertThat(week.next()).isEqualTo(END);
    // ... and never after the newest day
    assertThat(feed.list(Span.MONTH, END.minusDays(7), Order.TRENDING, 0, 10).next())
        .isEqualTo(END);
    assertThat(feed.list(Span.DAY, END.minusDays(1), Order.TRENDING, 0, 10))
        .satisfies(d -> assertThat(d.previous()).isEqualTo(END.minusDays(6)))
        .satisfies(d -> assertThat(d.next()).isEqualTo(END));
    Listing first = feed.list(Span.MONTH, LocalDate.of(2024, 2, 10), Order.TRENDING, 0, 10);
    assertThat(first.previous()).isNull();
    assertThat(feed.list(Span.WEEK, END, Order.TRENDING, 0, 1).next()).isNull();
  }

  @Test
  void listedPapersAreWholeAndCarryTheirDay() {
    Entry e = feed.list(Span.DAY, END, Order.TRENDING, 0, 1).entries().getFirst();
    assertThat(e.paper().id()).isEqualTo("2403.30002");
    assertThat(e.paper().abstractText()).isEqualTo("About 2403.30002");
    assertThat(e.paper().authors()).containsExactly("Ada Lovelace");
    assertThat(e.day()).isEqualTo(END);
  }

  @Test
  void everyPageOfAMonthIsTheSliceOfTheWholeRankingAndAChangeShowsAtOnce() {
    // 600 papers over 40 days, about one in five with upvotes, some with 0 or fewer
    Random random = new Random(16);
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int kind = random.nextInt(10);
      Integer upvotes =
          kind < 5 ? null : kind < 7 ? 0 : kind < 8 ? -2 : 1 + random.nextInt(kind * 20);
      papers.add(paper(String.format("2405.%05d", i), END.minusDays(random.nextInt(40)), upvotes));
    }
    write(papers.toArray(Paper[]::new));
    for (Order order : Order.values()) {
      List<String> whole = ids(feed.list(Span.MONTH, END, order, 0, 1000));
      assertThat(whole).hasSize(feed.list(Span.MONTH, END, order, 0, 1).total());
      assertThat(whole).as(order.name()).isEqualTo(bruteForce(order));
      for (int limit : new int[] {1, 7, 30}) {
        for (int offset = 0; offset < whole.size() + limit; offset += limit) {
          assertThat(ids(feed.list(Span.MONTH, END, order, offset, limit)))
              .as(order + " " + offset + "+" + limit)
              .isEqualTo(
                  whole.subList(
                      Math.min(offset, whole.size()), Math.min(offset + limit, whole.size())));
        }
      }
    }
    write(paper("2403.30003", END.minusDays(3), 5000));
    assertThat(ids(feed.list(Span.MONTH, END, Order.TRENDING, 0, 1))).containsExactly("2403.30003");
  }

  @Test
  void localVotesMoveAPaperUpWithoutHuggingFaceUpvotesToo() {
    PaperMarks marks = new PaperMarks(library, Clock.systemUTC());
    assertThat(ids(feed.list(Span.DAY, END, Order.TRENDING, 0, 10)))
        .containsExactly("2403.30002", "2403.30001");
    // (0 + 3 + 1) beats (2 + 0 + 1): one vote per user, so three users
    for (long user = 1; user <= 3; user++) marks.set(user, "2403.30001", Mark.VOTED, true);
    marks.set(1, "2403.30001", Mark.VOTED, true);
    Listing day = feed.list(Span.DAY, END, Order.TRENDING, 0, 10);
    assertThat(ids(day)).containsExactly("2403.30001", "2403.30002");
    assertThat(day.entries().getFirst().score()).isEqualTo(Trending.score(null, 3, END, END));
    assertThat(feed.list(Span.DAY, END, Order.NEWEST, 0, 10).entries().get(1).score())
        .isEqualTo(Trending.score(null, 3, END, END));
  }

  @Test
  void withLocalVotesEveryPageIsStillTheSliceOfTheWholeRanking() {
    Random random = new Random(17);
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Integer upvotes = random.nextInt(4) == 0 ? 1 + random.nextInt(30) : null;
      papers.add(paper(String.format("2405.%05d", i), END.minusDays(random.nextInt(40)), upvotes));
    }
    write(papers.toArray(Paper[]::new));
    PaperMarks marks = new PaperMarks(library, Clock.systemUTC());
    for (Paper p : papers) {
      int n = random.nextInt(8) == 0 ? 1 + random.nextInt(20) : 0;
      for (long user = 1; user <= n; user++) marks.set(user, p.id(), Mark.VOTED, true);
      if (n > 0) votes.put(p.id(), n);
    }
    for (Order order : Order.values()) {
      List<String> whole = ids(feed.list(Span.MONTH, END, order, 0, 1000));
      assertThat(whole).as(order.name()).isEqualTo(bruteForce(order));
      for (int offset = 0; offset < whole.size(); offset += 7) {
        assertThat(ids(feed.list(Span.MONTH, END, order, offset, 7)))
            .as(order + " " + offset)
            .isEqualTo(whole.subList(offset, Math.min(offset + 7, whole.size())));
      }
    }
  }

  /** Local votes by paper, for {@link #bruteForce}. */
  final Map<String, Integer> votes = new HashMap<>();

  /** Every paper of the month, scored and sorted: what the pages must slice. */
  private List<String> bruteForce(Order order) {
    record Scored(String id, LocalDate day, double score) {}
    Comparator<Scored> newest =
        Comparator.comparing(Scored::day).thenComparing(Scored::id).reversed();
    return written.stream()
        .filter(p -> !p.submitted().isBefore(END.minusDays(29)) && !p.submitted().isAfter(END))
        .map(
            p ->
                new Scored(
                    p.id(),
                    p.submitted(),
                    Trending.score(p.upvotes(), votes.getOrDefault(p.id(), 0), p.submitted(), END)))
        .sorted(
            order == Order.NEWEST
                ? newest
                : Comparator.comparingDouble(Scored::score).reversed().thenComparing(newest))
        .map(Scored::id)
        .toList();
  }

  private void write(Paper... papers) {
    TestLibrary.write(library, papers);
    written.addAll(List.of(papers));
  }

  private static List<String> ids(Listing l) {
    return l.entries().stream().map(e -> e.paper().id()).toList();
  }

  private static Paper paper(String id, LocalDate day, Integer upvotes) {
    return TestLibrary.paper(
        id, "Paper " + id, "About " + id, List.of("Ada Lovelace"), List.of("cs.LG"), day, upvotes);
  }
}
