package dev.lectern.recommend;

import java.util.List;

/**
 * A recommended paper: its score (higher is better; comparable within one answer only) and the
 * saved papers it is most like, which explain it ("because you saved ...").
 *
 * @param interest the interest that placed it: a collection's name, or {@link
 *     Recommender#EVERYTHING} for everything saved (and for rankers without interests)
 */
public record Recommendation(String paperId, double score, String interest, List<String> because) {
  public Recommendation {
    because = List.copyOf(because);
  }
}
