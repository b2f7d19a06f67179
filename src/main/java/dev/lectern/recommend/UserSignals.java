package dev.lectern.recommend;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a user told Lectern, as plain ids: the recommender learns from it and keeps the papers it
 * names out of what it recommends. Where these are stored is not the recommender's business.
 *
 * @param saved every saved paper, newest save first (recency matters to some rankers)
 * @param collections named collections (name -> paper ids); each is an interest of its own
 * @param dismissed papers marked "not interested": negatives, never recommended
 * @param shown papers already recommended or otherwise seen: never recommended again
 */
public record UserSignals(
    List<String> saved,
    Map<String, List<String>> collections,
    Set<String> dismissed,
    Set<String> shown) {

  public UserSignals {
    saved = List.copyOf(saved);
    collections = Map.copyOf(collections);
    dismissed = Set.copyOf(dismissed);
    shown = Set.copyOf(shown);
  }

  /** A user who saved these papers (newest first) and nothing else. */
  public static UserSignals saving(List<String> saved) {
    return new UserSignals(saved, Map.of(), Set.of(), Set.of());
  }

  /** These signals with {@code papers} dismissed as well. */
  public UserSignals withDismissed(Collection<String> papers) {
    return new UserSignals(saved, collections, union(dismissed, papers), shown);
  }

  /** These signals with {@code papers} shown as well. */
  public UserSignals withShown(Collection<String> papers) {
    return new UserSignals(saved, collections, dismissed, union(shown, papers));
  }

  private static Set<String> union(Set<String> a, Collection<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  /** Saved papers and papers in collections, newest save first, each once. */
  public List<String> allSaved() {
    Set<String> all = new LinkedHashSet<>(saved);
    collections.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /** Papers never to recommend: saved, in a collection, dismissed or shown. */
  public Set<String> excluded() {
    Set<String> out = new LinkedHashSet<>(allSaved());
    out.addAll(dismissed);
    out.addAll(shown);
    return out;
  }
}
