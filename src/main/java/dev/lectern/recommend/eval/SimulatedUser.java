package dev.lectern.recommend.eval;

import dev.lectern.paper.Paper;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.UserSignals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A user the evaluation makes up: what they saved, the papers ranked for them, and the ones they
 * would want ({@code relevant}); {@code group} names where they came from (a page, a category).
 */
public record SimulatedUser(
    String group, UserSignals signals, Candidates candidates, Set<String> relevant) {
  public SimulatedUser {
    relevant = Set.copyOf(relevant);
  }

  /**
   * This user the day after {@code shown} was shown to them: those papers are excluded from then on
   * (as Lectern excludes what it showed) and no longer count as wanted. With {@code notInterested}
   * the user pressed "Not interested" on each shown paper they do not want, and did nothing else:
   * no new saves, so that a day-2 difference is the dismissals' alone.
   */
  public SimulatedUser nextDay(Collection<String> shown, boolean notInterested) {
    UserSignals next = signals.withShown(shown);
    if (notInterested) next = next.withDismissed(dismissing(shown));
    Set<String> stillWanted = new LinkedHashSet<>(relevant);
    shown.forEach(stillWanted::remove);
    return new SimulatedUser(group, next, candidates, stillWanted);
  }

  /** The papers of {@code shown} this user would mark "Not interested": those not wanted. */
  public List<String> dismissing(Collection<String> shown) {
    return shown.stream().filter(id -> !relevant.contains(id)).distinct().toList();
  }

  /**
   * Per topic, {@code perTopic} users who each saved {@code k} of its papers (drawn at random, the
   * first drawn counting as the newest save); every other paper of the library is ranked, and the
   * topic's other papers are the relevant ones. Topics with fewer than {@code k + 1} papers are
   * skipped.
   */
  public static List<SimulatedUser> ofTopics(
      Map<String, List<String>> topics, List<String> library, int k, int perTopic, long seed) {
    Random random = new Random(seed);
    Candidates everything = new Candidates(library);
    List<SimulatedUser> users = new ArrayList<>();
    for (var topic : topics.entrySet()) {
      List<String> papers = topic.getValue();
      if (papers.size() <= k) continue;
      for (int u = 0; u < perTopic; u++) {
        List<String> saved = draw(papers, k, random);
        Set<String> relevant = new LinkedHashSet<>(papers);
        saved.forEach(relevant::remove);
        users.add(
            new SimulatedUser(topic.getKey(), UserSignals.saving(saved), everything, relevant));
      }
    }
    return users;
  }

  /**
   * The temporal variant: papers before the {@code split} quantile of the submission dates are the
   * past, the rest the future. Each of {@code users} users picks a category at random (among those
   * with {@code k} past papers and {@code minFuture} future ones) and saved {@code k} of its past
   * papers, newest first; all future papers are ranked, the category's are the relevant ones.
   */
  public static List<SimulatedUser> ofCategories(
      List<Paper> papers, double split, int k, int users, int minFuture, long seed) {
    List<Paper> dated =
        papers.stream()
            .filter(p -> p.submitted() != null)
            .sorted(Comparator.comparing(Paper::submitted).thenComparing(Paper::id))
            .toList();
    if (dated.isEmpty()) return List.of();
    LocalDate splitDay =
        dated.get((int) Math.min(dated.size() - 1, split * dated.size())).submitted();
    Map<String, List<Paper>> past = new TreeMap<>();
    Map<String, List<String>> future = new TreeMap<>();
    List<String> candidates = new ArrayList<>();
    for (Paper p : dated) {
      boolean isPast = p.submitted().isBefore(splitDay);
      if (!isPast) candidates.add(p.id());
      for (String c : new LinkedHashSet<>(p.categories())) {
        if (isPast) past.computeIfAbsent(c, x -> new ArrayList<>()).add(p);
        else future.computeIfAbsent(c, x -> new ArrayList<>()).add(p.id());
      }
    }
    List<String> eligible =
        past.keySet().stream()
            .filter(
                c ->
                    past.get(c).size() >= k
                        && future.getOrDefault(c, List.of()).size() >= minFuture)
            .toList();
    Random random = new Random(seed);
    List<SimulatedUser> out = new ArrayList<>();
    for (int u = 0; u < users && !eligible.isEmpty(); u++) {
      String category = eligible.get(random.nextInt(eligible.size()));
      List<Paper> theirs = past.get(category);
      List<String> drawn = draw(theirs.stream().map(Paper::id).toList(), k, random);
      Map<String, Paper> byId = new java.util.HashMap<>();
      theirs.forEach(p -> byId.put(p.id(), p));
      List<String> saved =
          drawn.stream()
              .sorted(Comparator.comparing((String id) -> byId.get(id).submitted()).reversed())
              .toList();
      out.add(
          new SimulatedUser(
              category,
              UserSignals.saving(saved),
              new Candidates(candidates),
              new LinkedHashSet<>(future.get(category))));
    }
    return out;
  }

  /** {@code k} distinct papers drawn at random, in the order drawn. */
  static List<String> draw(List<String> papers, int k, Random random) {
    List<String> pool = new ArrayList<>(new LinkedHashSet<>(papers));
    List<String> out = new ArrayList<>(k);
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(pool.size() - i);
      pool.set(j, pool.set(i, pool.get(j)));
      if (taken.add(pool.get(i))) out.add(pool.get(i));
    }
    return out;
  }
}
