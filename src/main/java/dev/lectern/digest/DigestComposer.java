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
import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperDays.Dated;
import dev.lectern.store.PaperLibrary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a user's new papers: those of each saved search, follow and recommendation that are new to
 * a digest ({@link DigestWindow}: of its days, or arrived since the previous digest), each paper
 * once with all its reasons, none the user said "not interested" to. A saved search matches by its
 * words and filters (lexical), whatever mode it was saved with: a search by meaning finds
 * neighbours for any text, which would fill every digest.
 */
public final class DigestComposer {
  /** Papers taken from each saved search or follow. */
  static final int PER_SOURCE = 25;

  /** Hits a saved search or follow asks for, of which it keeps {@link #PER_SOURCE} new ones. */
  static final int SEARCHED = 4 * PER_SOURCE;

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

  /** The user's digest of days in (since, cutoff], however the papers came: tests, benchmarks. */
  public Digest compose(Recipient user, LocalDate since, LocalDate cutoff) {
    return compose(user, new DigestWindow(since, cutoff, null));
  }

  /**
   * The user's digest of a window: the papers of their saved searches and follows, newest first,
   * then those only For you brings, in the recommender's order (best first); then the day's
   * trending papers.
   */
  public Digest compose(Recipient user, DigestWindow window) {
    Found found = found(user.id(), window);
    List<Item> items = new ArrayList<>();
    List<Item> forYou = new ArrayList<>();
    for (Item i : found.items()) (Digest.onlyRecommended(i) ? forYou : items).add(i);
    items.sort(NEWEST_FIRST);
    int keptForYou = Math.min(forYou.size(), Math.max(FOR_YOU_PLACES, MAX_ITEMS - items.size()));
    items = new ArrayList<>(cut(items, MAX_ITEMS - keptForYou));
    items.addAll(forYou.subList(0, keptForYou));
    LocalDate since = window.since(), cutoff = window.cutoff();
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
    return new Digest(user, since, cutoff, items, trending, found.arrivedUntil());
  }

  /**
   * The user's papers of days in (since, cutoff], newest first, each once with its reasons; with
   * {@code since} null, their newest papers up to cutoff.
   */
  public List<Item> papers(long userId, LocalDate since, LocalDate cutoff) {
    DigestWindow window =
        since == null ? DigestWindow.upTo(cutoff) : new DigestWindow(since, cutoff, null);
    List<Item> items = new ArrayList<>(found(userId, window).items());
    items.sort(NEWEST_FIRST);
    return cut(items, MAX_ITEMS);
  }

  private static final Comparator<Item> NEWEST_FIRST =
      Comparator.comparing(Item::day).thenComparing(i -> i.paper().id()).reversed();

  private static List<Item> cut(List<Item> items, int max) {
    return items.size() > max ? List.copyOf(items.subList(0, max)) : items;
  }

  /** A window's papers, and how far the library's arrivals went when they were read. */
  private record Found(List<Item> items, Instant arrivedUntil) {}

  /**
   * The window's papers, each once with its reasons: those of saved searches and follows first,
   * then those of For you in its order.
   */
  private Found found(long userId, DigestWindow window) {
    LocalDate first = window.firstDay(), cutoff = window.cutoff();
    New fresh = first == null ? null : fresh(window);
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (Subscription s : subscriptions.of(userId)) {
      int taken = 0;
      for (Hit h : search.search(request(s, first, cutoff)).hits()) {
        if (taken == PER_SOURCE) break;
        if (fresh != null && !fresh.ids().contains(h.id())) continue;
        reasons.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(s.reason());
        taken++;
      }
    }
    Set<String> only = fresh == null ? null : fresh.ids();
    for (Recommendations.Recommended r :
        recommendations.of(userId, first, cutoff, only, PER_SOURCE)) {
      reasons
          .computeIfAbsent(r.paperId(), k -> new ArrayList<>())
          .add(Digest.RECOMMENDED + r.because());
    }
    reasons.keySet().removeAll(marked(userId, false)); // "not interested": not in any digest
    Map<String, Item> items = new LinkedHashMap<>();
    reasons.keySet().forEach(id -> items.put(id, null)); // the order the reasons came in
    for (Dated d : library.days().byIds(List.copyOf(reasons.keySet()))) {
      // the search's date filter reads submission dates; the window is the papers' days
      boolean in = fresh != null ? fresh.ids().contains(d.paper().id()) : !d.day().isAfter(cutoff);
      if (in)
        items.put(
            d.paper().id(), new Item(d.paper(), d.day(), List.copyOf(reasons.get(d.paper().id()))));
    }
    List<Item> out = items.values().stream().filter(java.util.Objects::nonNull).toList();
    return new Found(out, fresh == null ? null : fresh.arrivedUntil());
  }

  /** The papers new to a digest, and the newest arrival among its window's papers. */
  private record New(Set<String> ids, Instant arrivedUntil) {}

  /**
   * A first digest's papers are those of its days; a later one's, those that arrived since the one
   * before ({@link DigestWindow}). The newest arrival read here is where the next digest starts: a
   * paper committed after this read has a later {@code first_seen} (the library's writer stamps
   * each batch when it takes the write lock, after the batch before committed), so it is the next
   * digest's, never lost.
   */
  private New fresh(DigestWindow window) {
    Set<String> ids = new java.util.HashSet<>();
    Instant until = window.arrivedAfter();
    for (PaperDays.Arrival a : library.days().arrivals(window.firstDay(), window.cutoff())) {
      if (until == null || a.firstSeen().isAfter(until)) until = a.firstSeen();
      boolean isNew =
          window.arrivedAfter() == null
              ? a.day().isAfter(window.since())
              : a.firstSeen().isAfter(window.arrivedAfter());
      if (isNew) ids.add(a.id());
    }
    return new New(ids, until);
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

  /**
   * A saved search or follow over the days {@code first} (null: no bound) to {@code cutoff}. It
   * asks for more than a source may bring: papers listed by an earlier digest are left out after
   * the search, and late arrivals of earlier days sort after the newest.
   */
  static SearchRequest request(Subscription s, LocalDate first, LocalDate cutoff) {
    Filters window = new Filters(Set.of(), first, cutoff, null);
    return switch (s.kind()) {
      case SEARCH -> {
        SavedQuery q = SavedQuery.parse(s.target());
        yield new SearchRequest(
            q.query(), Mode.LEXICAL, q.filters().and(window), Sort.DATE, 0, SEARCHED);
      }
      case AUTHOR ->
          new SearchRequest(
              "",
              Mode.LEXICAL,
              new Filters(Set.of(), null, null, s.target()).and(window),
              Sort.DATE,
              0,
              SEARCHED);
      case CATEGORY ->
          new SearchRequest(
              "",
              Mode.LEXICAL,
              new Filters(Set.of(s.target()), null, null, null).and(window),
              Sort.DATE,
              0,
              SEARCHED);
    };
  }
}
