package dev.lectern.recommend;

import java.util.List;

/**
 * A recommended paper: its score (higher is better; comparable within one answer only) and the
 * saved papers it is most like, which explain it ("because you saved ...").
 *
 * @param score the paper's place: for {@link UserModel} its best rank-calibrated place over the
 *     interests (1 for an interest's first, falling to 0), which says nothing of how alike it is
 * @param decision the raw score of the model that placed it: for {@link UserModel} the decision
 *     value of the placing interest's logistic regression, above 0 when that model puts the paper
 *     on the saved papers' side; rankers without such a boundary give their score
 * @param interest the interest that placed it: a collection's name, or {@link
 *     Recommender#EVERYTHING} for everything saved (and for rankers without interests)
 */
public record Recommendation(
    String paperId, double score, double decision, String interest, List<String> because) {
  public Recommendation {
    because = List.copyOf(because);
  }
}
