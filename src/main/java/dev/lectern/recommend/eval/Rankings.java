package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The baselines' common last step: score the candidates they can, best first. */
final class Rankings {
  private Rankings() {}

  /**
   * The candidates that are not excluded and that {@code usable} accepts, by descending score,
   * equal scores in candidate order; the first {@code limit}, without explanations.
   */
  static List<Recommendation> top(
      UserSignals signals,
      Candidates candidates,
      Predicate<String> usable,
      ToDoubleFunction<String> score,
      int limit) {
    Set<String> excluded = signals.excluded();
    List<String> ids =
        candidates.ids().stream()
            .distinct()
            .filter(id -> !excluded.contains(id) && usable.test(id))
            .toList();
    double[] scores = new double[ids.size()];
    for (int i = 0; i < scores.length; i++) scores[i] = score.applyAsDouble(ids.get(i));
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
    List<Recommendation> out = new ArrayList<>();
    for (int r = 0; r < Math.min(limit, order.length); r++)
      out.add(
          new Recommendation(ids.get(order[r]), scores[order[r]], scores[order[r]], "", List.of()));
    return out;
  }
}
