package dev.lectern.app;

import dev.lectern.digest.Recommendations;
import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.ForYou;
import dev.lectern.recommend.Recommendation;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "For you" in a user's digest: the papers of the digest's days their models rank best, named by
 * the saved paper they are most like. Each digest covers days no earlier digest did, so it suggests
 * a paper once; they are not marked seen here, since a dry run and the user's feed compose digests
 * too and must change nothing: a digest that is sent marks them ({@code DigestSends.markSent}).
 */
final class DigestRecommendations implements Recommendations {
  private final ForYou forYou;
  private final PaperLibrary library;
  private final int windowDays;

  DigestRecommendations(ForYou forYou, PaperLibrary library, int windowDays) {
    this.forYou = forYou;
    this.library = library;
    this.windowDays = windowDays;
  }

  @Override
  public List<Recommended> of(
      long userId, LocalDate from, LocalDate to, Set<String> only, int limit) {
    LocalDate first = from == null ? to.minusDays(windowDays - 1L) : from;
    List<Recommendation> top = forYou.recommend(userId, first, to, only, limit).recommendations();
    if (top.isEmpty()) return List.of();
    Set<String> named = new LinkedHashSet<>();
    top.forEach(r -> named.add(r.because().getFirst()));
    Map<String, Paper> saved =
        library.getAll(List.copyOf(named)).stream()
            .collect(Collectors.toMap(Paper::id, Function.identity()));
    return top.stream()
        .map(
            r -> {
              Paper p = saved.get(r.because().getFirst());
              String title = p == null ? r.because().getFirst() : Latex.toUnicode(p.title());
              return new Recommended(r.paperId(), "you saved “" + title + "”");
            })
        .toList();
  }
}
