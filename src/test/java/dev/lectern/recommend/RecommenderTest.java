package dev.lectern.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lectern's recommender on hand-placed vectors: what it leaves out, merges and says. */
class RecommenderTest {
  static final double[] A = {1, 0, 0}, B = {0, 1, 0}, C = {0, 0, 1};

  /** 20 saved papers about A, 1 about B; candidates about A and B; a background about C. */
  static PaperVectors library() {
    return new Vectors()
        .near("a", 20, A)
        .near("b", 1, B)
        .near("ca", 10, A)
        .near("cb", 2, B)
        .near("c", 40, C)
        .build();
  }

  static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  static Candidates candidates() {
    List<String> ids = new ArrayList<>(ids("ca", 10));
    ids.addAll(ids("cb", 2));
    return new Candidates(ids);
  }

  static List<String> saved() {
    List<String> saved = new ArrayList<>(ids("a", 20));
    saved.add("b0");
    return saved;
  }

  Recommender recommender = new Recommender(library(), Recommender.Options.defaults());

  @Test
  void aNarrowCollectionIsNotDrownedByABroadOne() {
    var signals =
        new UserSignals(
            saved(), Map.of("broad", ids("a", 20), "narrow", List.of("b0")), Set.of(), Set.of());
    List<Recommendation> top = recommender.recommend(signals, candidates(), 2);
    assertThat(top).extracting(Recommendation::paperId).anyMatch(id -> id.startsWith("cb"));
    Recommendation narrow =
        top.stream().filter(r -> r.paperId().startsWith("cb")).findFirst().orElseThrow();
    assertThat(narrow.because()).containsExactly("b0");
    assertThat(narrow.score()).isEqualTo(1.0); // the narrow interest's first
  }

  @Test
  void withoutCollectionsTheBroadInterestRanksFirst() {
    // the same papers saved, one interest: the B candidates come after every A candidate
    List<Recommendation> all = recommender.recommend(UserSignals.saving(saved()), candidates(), 12);
    assertThat(all.subList(0, 10))
        .extracting(Recommendation::paperId)
        .allMatch(id -> id.startsWith("ca"));
  }

  @Test
  void savedDismissedShownAndUnembeddedPapersAreNeverRecommended() {
    List<String> ids = new ArrayList<>(candidates().ids());
    ids.addAll(List.of("a3", "c5", "not-embedded"));
    var signals = new UserSignals(ids("a", 20), Map.of(), Set.of("ca1", "c5"), Set.of("ca2"));
    List<Recommendation> out = recommender.recommend(signals, new Candidates(ids), 100);
    assertThat(out)
        .extracting(Recommendation::paperId)
        .doesNotContain("a3", "c5", "ca1", "ca2", "not-embedded")
        .hasSize(10) // ca0, ca3..ca9, cb0, cb1
        .doesNotHaveDuplicates();
  }

  @Test
  void aPaperInACollectionOnlyIsSavedToo() {
    var signals = new UserSignals(List.of(), Map.of("reading", List.of("ca0")), Set.of(), Set.of());
    assertThat(recommender.recommend(signals, candidates(), 100))
        .extracting(Recommendation::paperId)
        .doesNotContain("ca0")
        .first()
        .matches(id -> id.startsWith("ca"));
  }

  @Test
  void aDismissedPaperPullsDownWhatIsLikeIt() {
    // x and y lie alike to the saved papers and the rest of the library; d is next to x
    Vectors v =
        new Vectors()
            .at("a0", 1, 0, 0)
            .at("a1", 1, 0.2, 0.2)
            .at("a2", 1, -0.2, -0.2)
            .at("x", 1, 0, 0.5)
            .at("y", 1, 0.5, 0)
            .at("d", 0.9, 0, 0.6)
            .at("n0", 0, -1, -1)
            .at("n1", -1, 0, 0)
            .at("n2", 0, 1, 1);
    for (int i = 0; i < 10; i++) v.at("p" + i, -1, i / 10.0, i / 10.0); // alike to x and y too
    PaperVectors built = v.build();
    Recommender r = new Recommender(built, Recommender.Options.defaults());
    double before = gap(r.train(UserSignals.saving(ids("a", 3))), built);
    double after =
        gap(r.train(new UserSignals(ids("a", 3), Map.of(), Set.of("d"), Set.of())), built);
    assertThat(before).isCloseTo(0, org.assertj.core.api.Assertions.within(0.2));
    assertThat(after).isLessThan(before - 0.3); // x, like the dismissed d, now well below y
  }

  /** How much the model prefers x to y. */
  private static double gap(UserModel model, PaperVectors v) {
    LinearModel m = model.interests().getFirst().model();
    return m.score(v.get("x")) - m.score(v.get("y"));
  }

  @Test
  void eachRecommendationNamesTheSavedPapersNearestToIt() {
    PaperVectors v =
        new Vectors()
            .at("s1", 0, 1, 0)
            .at("s2", 1, 0.1, 0)
            .at("s3", 1, 0.6, 0)
            .at("c", 1, 0, 0.05)
            .near("n", 20, 0, 0, 1)
            .build();
    var signals = UserSignals.saving(List.of("s1", "s2", "s3"));
    var three = new Recommender(v, Recommender.Options.defaults());
    assertThat(three.recommend(signals, new Candidates(List.of("c")), 1).getFirst().because())
        .containsExactly("s2", "s3", "s1");
    var two = new Recommender(v, Recommender.Options.defaults().withExplanations(2));
    assertThat(two.recommend(signals, new Candidates(List.of("c")), 1).getFirst().because())
        .containsExactly("s2", "s3");
  }

  @Test
  void aCollectionHoldingEverythingSavedIsOneInterest() {
    var signals = new UserSignals(ids("a", 20), Map.of("all", ids("a", 20)), Set.of(), Set.of());
    assertThat(recommender.train(signals).interests()).hasSize(1);
    var two = new UserSignals(saved(), Map.of("narrow", List.of("b0")), Set.of(), Set.of());
    assertThat(recommender.train(two).interests())
        .extracting(UserModel.Interest::name)
        .containsExactly(Recommender.EVERYTHING, "narrow");
  }

  @Test
  void nothingSavedRecommendsNothing() {
    assertThat(recommender.recommend(UserSignals.saving(List.of()), candidates(), 10)).isEmpty();
    assertThat(recommender.recommend(UserSignals.saving(List.of("unknown")), candidates(), 10))
        .isEmpty();
  }

  @Test
  void theSameSignalsTrainTheSameModel() {
    var signals = UserSignals.saving(saved());
    assertThat(recommender.train(signals).interests().getFirst().model().weights())
        .containsExactly(recommender.train(signals).interests().getFirst().model().weights());
  }

  @Test
  void calibrationIsEachScoresPlaceWithTiesSharingTheBetterOne() {
    assertThat(UserModel.calibrate(new double[] {3, 1, 2, 2}))
        .containsExactly(1.0, 0.25, 0.75, 0.75);
  }

  @Test
  void negativesAreSampledAsTheOptionsSay() {
    // 21 positives: 2 per positive is 42, within [200, 1000]: 200, but the library holds only 52
    var model = recommender.train(UserSignals.saving(saved()));
    assertThat(model.interests().getFirst().negatives()).isEqualTo(52);
    var d = Recommender.Options.defaults();
    var few = new Recommender(library(), d.withNegatives(1, 5, 10));
    assertThat(few.train(UserSignals.saving(saved())).interests().getFirst().negatives())
        .isEqualTo(10);
  }
}
