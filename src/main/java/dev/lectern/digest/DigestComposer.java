package dev.lectern.digest;

import dev.lectern.digest.Digest.Item;
import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.feed.DailyFeed;
import dev.lectern.search.Filters;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperDays.Dated;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a user's new papers: those of each saved search, follow and recommendation whose day (see
 * {@link dev.lectern.store.PaperDays}) is after one day and up to another, each paper once with all
 * its reasons, none the user said "not interested" to. A saved search matches by its words and
 * filters (lexical), whatever mode it was saved with: a search by meaning finds neighbours for any
 * text, which would fill every digest.
 */
public final class DigestComposer {
  /** Papers taken from each saved search or follow. */
  static final int PER_SOURCE = 25;

  /**
   * Papers in one digest; a busy week's searches and follows are cut here, newest kept, less the
   * places kept for For you.
   */
  static final int MAX_ITEMS = 60;

  /**
   * Places a full digest keeps for For you, so that a busy week of searches and follows cannot
   * crowd out the papers only the recommender brings.
   */
  static final int FOR_YOU_PLACES = 10;

  static final int TRENDING = 5;

  private final SearchService search;
  private final PaperLibrary library;
  private final Subscriptions subscriptions;
  private final Recommendations recommendations;
  private final DailyFeed feed;
  private final Sql sql;

  public DigestComposer(
      SearchService search,
      PaperLibrary library,
      Subscriptions subscriptions,
      Recommendations recommendations) {
    this.search = search;
    this.library = library;
    this.subscriptions = subscriptions;
    this.recommendations = recommendations;
    this.feed = new DailyFeed(library);
    this.sql = new Sql(library.database());
  }

  /** The newest day that has papers: a digest composed now covers days up to it. */
  public LocalDate latestDay() {
    return library.days().latest().orElse(null);
  }

  /**
   * The user's digest of days in (since, cutoff]: the papers of their saved searches and follows,
   * newest first, then those only For you brings, in the recommender's order (best first); then the
   * day's trending papers.
   */
  public Digest compose(Recipient user, LocalDate since, LocalDate cutoff) {
    List<Item> found = found(user.id(), since, cutoff);
    List<Item> items = new ArrayList<>();
    List<Item> forYou = new ArrayList<>();
    for (Item i : found) (Digest.onlyRecommended(i) ? forYou : items).add(i);
    items.sort(NEWEST_FIRST);
    int keptForYou = Math.min(forYou.size(), Math.max(FOR_YOU_PLACES, MAX_ITEMS - items.size()));
    items = new ArrayList<>(cut(items, MAX_ITEMS - keptForYou));
    items.addAll(forYou.subList(0, keptForYou));
    // trending suggests: not what the user already saved, nor what they said no to
    Set<String> listed = new java.util.HashSet<>(marked(user.id(), true));
    items.forEach(i -> listed.add(i.paper().id()));
    List<Item> trending =
        feed
            .list(DailyFeed.Span.DAY, cutoff, DailyFeed.Order.TRENDING, 0, TRENDING * 2)
            .entries()
            .stream()
            .filter(e -> e.day().isAfter(since) && !listed.contains(e.paper().id()))
            .filter(e -> e.paper().upvotes() != null && e.paper().upvotes() > 0)
            .limit(TRENDING)
            .map(e -> new Item(e.paper(), e.day(), List.of("trending")))
            .toList();
    return new Digest(user, since, cutoff, items, trending);
  }

  /**
   * The user's papers of days in (since, cutoff], newest first, each once with its reasons; with
   * {@code since} null, their newest papers up to cutoff.
   */
  public List<Item> papers(long userId, LocalDate since, LocalDate cutoff) {
    List<Item> items = new ArrayList<>(found(userId, since, cutoff));
    items.sort(NEWEST_FIRST);
    return cut(items, MAX_ITEMS);
  }

  private static final Comparator<Item> NEWEST_FIRST =
      Comparator.comparing(Item::day).thenComparing(i -> i.paper().id()).reversed();

  private static List<Item> cut(List<Item> items, int max) {
    return items.size() > max ? List.copyOf(items.subList(0, max)) : items;
  }

  /**
   * The papers of days in (since, cutoff], each once with its reasons: those of saved searches and
   * follows first, then those of For you in its order.
   */
  private List<Item> found(long userId, LocalDate since, LocalDate cutoff) {
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (Subscription s : subscriptions.of(userId)) {
      for (Hit h : search.search(request(s, since, cutoff)).hits())
        reasons.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(s.reason());
    }
    for (Recommendations.Recommended r : recommendations.since(userId, since, cutoff, PER_SOURCE)) {
      reasons
          .computeIfAbsent(r.paperId(), k -> new ArrayList<>())
          .add(Digest.RECOMMENDED + r.because());
    }
    reasons.keySet().removeAll(marked(userId, false)); // "not interested": not in any digest
    Map<String, Item> items = new LinkedHashMap<>();
    reasons.keySet().forEach(id -> items.put(id, null)); // the order the reasons came in
    // the search's date filter reads submission dates; the window is the papers' days
    for (Dated d : library.days().byIds(List.copyOf(reasons.keySet()))) {
      if ((since == null || d.day().isAfter(since)) && !d.day().isAfter(cutoff))
        items.put(
            d.paper().id(), new Item(d.paper(), d.day(), List.copyOf(reasons.get(d.paper().id()))));
    }
    return items.values().stream().filter(java.util.Objects::nonNull).toList();
  }

  /** The papers the user dismissed ("not interested"), and with {@code saved} those they saved. */
  private Set<String> marked(long userId, boolean saved) {
    return Set.copyOf(
        sql.query(
            "read the user's marks",
            "SELECT paper_id FROM paper_marks WHERE user_id = ? AND (dismissed_at IS NOT NULL"
                + (saved ? " OR saved_at IS NOT NULL)" : ")"),
            rs -> rs.getString(1),
            userId));
  }

  static SearchRequest request(Subscription s, LocalDate since, LocalDate cutoff) {
    Filters window = new Filters(Set.of(), since == null ? null : since.plusDays(1), cutoff, null);
    return switch (s.kind()) {
      case SEARCH -> {
        SavedQuery q = SavedQuery.parse(s.target());
        yield new SearchRequest(
            q.query(), Mode.LEXICAL, q.filters().and(window), Sort.DATE, 0, PER_SOURCE);
      }
      case AUTHOR ->
          new SearchRequest(
              "",
              Mode.LEXICAL,
              new Filters(Set.of(), null, null, s.target()).and(window),
              Sort.DATE,
              0,
              PER_SOURCE);
      case CATEGORY ->
          new SearchRequest(
              "",
              Mode.LEXICAL,
              new Filters(Set.of(s.target()), null, null, null).and(window),
              Sort.DATE,
              0,
              PER_SOURCE);
    };
  }
}
