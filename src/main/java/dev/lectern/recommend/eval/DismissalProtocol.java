package dev.lectern.recommend.eval;

import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What "Not interested" buys, over two days of the same simulated users. Day 1: a method ranks the
 * user's candidates and shows its top {@link #SHOWN}; the user dismisses the shown papers they do
 * not want, and does nothing else (the saves stay as they were). Day 2: the shown papers are
 * excluded through {@link UserSignals#shown()}, as Lectern excludes what it showed, for every
 * method alike; each method ranks again, once without the dismissals and once with them, and the
 * figures count the wanted papers not shown yet. A method that does not read {@link
 * UserSignals#dismissed()} ranks alike both times.
 */
public final class DismissalProtocol {
  /** Papers shown on day 1: a day's page of recommendations, the depth the figures look at. */
  public static final int SHOWN = RecsEvaluation.AT;

  /** Appended to a method's name for its day 2 with the dismissals. */
  public static final String WITH = " + dismissals";

  /** What the day-2 rankings without dismissals are paired with: Lectern's with them. */
  public static final String REFERENCE = RecsEvaluation.REFERENCE + WITH;

  private DismissalProtocol() {}

  /**
   * Day 2's rows, each method without dismissals (under its name, paired with {@link #REFERENCE})
   * and with them (named with {@link #WITH}, paired with the same method without), and per k and
   * method the mean number of papers a user dismissed on day 1.
   */
  public record Result(
      List<RecsEvaluation.Row> rows, Map<Integer, Map<String, Double>> dismissed) {}

  /**
   * Runs both days for every k's users who want more than {@link #SHOWN} papers (the others are
   * left out: day 1 could show all they want); {@code rankers} makes the methods afresh, once for
   * each day 2, so that a seeded ranker (random, popularity) draws alike with and without
   * dismissals.
   */
  public static Result evaluate(
      Supplier<Map<String, Ranker>> rankers, Map<Integer, List<SimulatedUser>> usersByK) {
    List<RecsEvaluation.Row> rows = new ArrayList<>();
    Map<Integer, Map<String, Double>> dismissed = new LinkedHashMap<>();
    usersByK.forEach(
        (k, all) -> {
          // only users with a wanted paper left whatever day 1 showed, so that day 2's figures are
          // defined for every method alike
          List<SimulatedUser> users =
              all.stream().filter(u -> u.relevant().size() > SHOWN).toList();
          if (users.isEmpty()) return;
          Map<String, Ranker> without = rankers.get();
          Map<String, Ranker> with = rankers.get();
          Map<String, double[]> counts = new LinkedHashMap<>();
          Map<String, RecsEvaluation.Method> methods = new LinkedHashMap<>();
          without.forEach(
              (name, ranker) -> {
                double[] count = counts.computeIfAbsent(name, n -> new double[1]);
                methods.put(name, user -> dayTwo(ranker, user, false, new double[1]));
                methods.put(name + WITH, user -> dayTwo(with.get(name), user, true, count));
              });
          rows.addAll(
              RecsEvaluation.evaluateMethods(
                  methods, Map.of(k, users), DismissalProtocol::pairedWith));
          Map<String, Double> means = new LinkedHashMap<>();
          counts.forEach((name, c) -> means.put(name, c[0] / users.size()));
          dismissed.put(k, means);
        });
    return new Result(rows, dismissed);
  }

  /** A day-2 row with dismissals is paired with the same method without; the others with ours. */
  static String pairedWith(String name) {
    return name.endsWith(WITH) ? name.substring(0, name.length() - WITH.length()) : REFERENCE;
  }

  /**
   * Shows the user {@code ranker}'s top {@link #SHOWN}, then scores its ranking of the next day;
   * adds the number of papers the user dismissed to {@code dismissed[0]}.
   */
  static RecsEvaluation.Scores dayTwo(
      Ranker ranker, SimulatedUser user, boolean notInterested, double[] dismissed) {
    List<String> shown = shown(ranker, user);
    dismissed[0] += user.dismissing(shown).size();
    return RecsEvaluation.score(ranker, user.nextDay(shown, notInterested));
  }

  /** Day 1: the papers {@code ranker} shows the user. */
  static List<String> shown(Ranker ranker, SimulatedUser user) {
    return ranker.recommend(user.signals(), user.candidates(), SHOWN).stream()
        .map(Recommendation::paperId)
        .toList();
  }
}
