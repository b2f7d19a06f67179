package dev.lectern.search.eval;

import dev.lectern.paper.Text;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A proxy for the quality of similar papers, which have no judgments of their own: papers judged
 * relevant to the same query answer the same need, so each should bring the others up. For each
 * paper judged relevant to a query that has two or more, the share of the others that its similar
 * papers' top {@link #AT} hold (of as many as can fit), averaged over those papers.
 */
public final class SimilarPapersProxy {
  public static final int AT = 10;

  /** The mean share, and over how many judged papers it was taken. */
  public record Score(double share, int papers) {}

  private SimilarPapersProxy() {}

  /**
   * @param idsByTitleKey the library's paper id for each judged title key it holds
   * @param similarTitles the titles of the papers similar to the paper with this id, best first
   */
  public static Score evaluate(
      RelevanceSet set,
      Map<String, String> idsByTitleKey,
      Function<String, List<String>> similarTitles) {
    double sum = 0;
    int papers = 0;
    for (EvalQuery q : set.queries()) {
      List<String> relevant =
          set.qrels().grades(q.id()).entrySet().stream()
              .filter(e -> e.getValue() > 0 && idsByTitleKey.containsKey(e.getKey()))
              .map(Map.Entry::getKey)
              .toList();
      if (relevant.size() < 2) continue;
      for (String paper : relevant) {
        Set<String> others = new HashSet<>(relevant);
        others.remove(paper);
        List<String> similar = similarTitles.apply(idsByTitleKey.get(paper));
        long found =
            similar.stream().limit(AT).map(Text::titleKey).filter(others::contains).count();
        sum += (double) found / Math.min(AT, others.size());
        papers++;
      }
    }
    return new Score(papers == 0 ? Double.NaN : sum / papers, papers);
  }
}
