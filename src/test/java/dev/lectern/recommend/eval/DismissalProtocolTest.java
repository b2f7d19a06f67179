package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.UserSignals;
import dev.lectern.testing.TestLibrary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The two-day "Not interested" protocol on a hand-made library: the user saved {@code s} and wants
 * the a-papers; the d-papers are off the page but nearer to {@code s} than any a-paper, so day 1
 * shows them; the b-papers are far from both.
 */
class DismissalProtocolTest {
  static final int A = 12, D = 15, B = 26;
  static final Map<String, float[]> BY_ID = new LinkedHashMap<>();
  static final Map<String, String> TEXTS = new LinkedHashMap<>();

  static {
    add("s", 0, vector(1, 0, 0, 0, 0, 0), "aw0 aw1 aw2 aw3 aw4");
    for (int i = 1; i <= A; i++)
      add("a", i, vector(1, 0, 0.9, 0, 0.2 * (i % 3), 0.2 * (i % 2)), words("aw", i, A + 1));
    for (int i = 1; i <= D; i++)
      add("d", i, vector(1, 0.7, 0, 0, 0.2 * (i % 3), 0.2 * (i % 2)), words("dw", i, D));
    for (int i = 1; i <= B; i++)
      add("b", i, vector(0, 0, 0, 1, 0.2 * (i % 3), 0.2 * (i % 2)), words("bw", i, B));
  }

  static final PaperVectors VECTORS = PaperVectors.of(BY_ID);
  static final Set<String> PAGE = pageA();
  static final SimulatedUser USER =
      new SimulatedUser(
          "a", UserSignals.saving(List.of("s")), new Candidates(List.copyOf(BY_ID.keySet())), PAGE);

  @Test
  void theUserDismissesTheShownPapersOffTheirPageAndOnlyThose() {
    List<String> shown = List.of("a1", "d1", "b1", "a2");
    assertThat(USER.dismissing(shown)).containsExactly("d1", "b1");
    SimulatedUser with = USER.nextDay(shown, true);
    assertThat(with.signals().dismissed()).containsExactlyInAnyOrder("d1", "b1");
    assertThat(with.signals().shown()).containsExactlyInAnyOrderElementsOf(shown);
    assertThat(with.signals().saved()).containsExactly("s");
    assertThat(with.relevant()).doesNotContain("a1", "a2").hasSize(A - 2);
    assertThat(with.candidates()).isEqualTo(USER.candidates());
    SimulatedUser without = USER.nextDay(shown, false);
    assertThat(without.signals().dismissed()).isEmpty();
    assertThat(without.signals().shown()).isEqualTo(with.signals().shown());
    assertThat(without.relevant()).isEqualTo(with.relevant());
  }

  @Test
  void everyMethodLeavesOutOnDayTwoWhatItShowedOnDayOne() {
    List<Map<String, Recording>> passes = new ArrayList<>();
    var result =
        DismissalProtocol.evaluate(
            () -> {
              Map<String, Recording> made = new LinkedHashMap<>();
              RecsMethods.all(papers(), VECTORS, 42)
                  .forEach((name, ranker) -> made.put(name, new Recording(ranker)));
              passes.add(made);
              return new LinkedHashMap<>(made);
            },
            Map.of(1, List.of(USER)));
    assertThat(passes).hasSize(2); // one day 2 without dismissals, one with
    for (int pass = 0; pass < 2; pass++) {
      for (var e : passes.get(pass).entrySet()) {
        var calls = e.getValue().calls;
        assertThat(calls).as(e.getKey()).hasSize(2);
        List<String> dayOne = calls.get(0).ids(), dayTwo = calls.get(1).ids();
        assertThat(dayOne).as(e.getKey()).hasSize(DismissalProtocol.SHOWN);
        assertThat(dayTwo).as(e.getKey()).isNotEmpty().doesNotContainAnyElementsOf(dayOne);
        assertThat(calls.get(1).signals().shown()).containsExactlyInAnyOrderElementsOf(dayOne);
        Set<String> offPage = new HashSet<>(dayOne);
        offPage.removeAll(PAGE);
        assertThat(calls.get(1).signals().dismissed())
            .as(e.getKey())
            .isEqualTo(pass == 0 ? Set.of() : offPage);
        if (pass == 1)
          assertThat(result.dismissed().get(1).get(e.getKey())).isEqualTo(offPage.size());
      }
    }
  }

  @Test
  void lecternsDayTwoModelLearnsFromTheDismissalsAndTheOthersRankAlike() {
    Recommender lectern = new Recommender(VECTORS, Recommender.Options.defaults());
    List<String> shown = DismissalProtocol.shown(lectern, USER);
    // day 1 shows d-papers, the saved paper's near neighbours, which the user dismisses
    assertThat(USER.dismissing(shown)).isNotEmpty().allMatch(id -> id.startsWith("d"));
    List<String> left =
        BY_ID.keySet().stream().filter(id -> id.startsWith("d") && !shown.contains(id)).toList();
    assertThat(left).isNotEmpty();
    // the d-papers not shown are their near-duplicates: the dismissals push them down, below
    // every wanted paper, where without them some still rank among the wanted
    List<String> without = ranking(lectern, USER.nextDay(shown, false));
    List<String> with = ranking(lectern, USER.nextDay(shown, true));
    Set<String> wanted = new HashSet<>(PAGE);
    shown.forEach(wanted::remove);
    assertThat(with.subList(0, wanted.size())).containsExactlyInAnyOrderElementsOf(wanted);
    assertThat(without.subList(0, wanted.size())).anyMatch(id -> id.startsWith("d"));
    assertThat(meanPlace(with, left)).isGreaterThan(meanPlace(without, left) + 1);

    Supplier<Map<String, Ranker>> rankers =
        () -> {
          var all = RecsMethods.all(papers(), VECTORS, 42);
          Map<String, Ranker> some = new LinkedHashMap<>();
          for (String m : List.of("random", "zotero-arxiv-daily", "lectern"))
            some.put(m, all.get(m));
          return some;
        };
    var result = DismissalProtocol.evaluate(rankers, Map.of(1, List.of(USER)));
    Map<String, RecsEvaluation.Row> rows = new LinkedHashMap<>();
    result.rows().forEach(r -> rows.put(r.method(), r));
    assertThat(rows.keySet())
        .containsExactly(
            "random",
            "random + dismissals",
            "zotero-arxiv-daily",
            "zotero-arxiv-daily + dismissals",
            "lectern",
            "lectern + dismissals");
    RecsEvaluation.Row lecternWith = rows.get("lectern + dismissals");
    assertThat(lecternWith.ndcg()).isGreaterThan(rows.get("lectern").ndcg() + 0.2);
    assertThat(lecternWith.paired().against()).isEqualTo("lectern");
    assertThat(lecternWith.paired().ndcg().mean())
        .isEqualTo(lecternWith.ndcg() - rows.get("lectern").ndcg());
    // the baselines do not read dismissals (random draws alike too: fresh rankers each pass)
    for (String m : List.of("random", "zotero-arxiv-daily")) {
      RecsEvaluation.Row plain = rows.get(m), dismissed = rows.get(m + DismissalProtocol.WITH);
      assertThat(dismissed.ndcg()).isEqualTo(plain.ndcg());
      assertThat(dismissed.mrr()).isEqualTo(plain.mrr());
      assertThat(dismissed.paired().ndcg().mean()).isZero();
      assertThat(plain.paired().against()).isEqualTo(DismissalProtocol.REFERENCE);
      assertThat(plain.paired().ndcg().mean()).isEqualTo(plain.ndcg() - lecternWith.ndcg());
    }
    // and a run repeats exactly
    assertThat(DismissalProtocol.evaluate(rankers, Map.of(1, List.of(USER)))).isEqualTo(result);
  }

  @Test
  void aUserWhoWantsNoMoreThanDayOneShowsIsLeftOut() {
    Set<String> ten = new HashSet<>(List.copyOf(PAGE).subList(0, DismissalProtocol.SHOWN));
    var few = new SimulatedUser("a", USER.signals(), USER.candidates(), ten);
    Supplier<Map<String, Ranker>> lectern =
        () -> Map.of("lectern", new Recommender(VECTORS, Recommender.Options.defaults()));
    assertThat(DismissalProtocol.evaluate(lectern, Map.of(1, List.of(few))).rows()).isEmpty();
    var rows = DismissalProtocol.evaluate(lectern, Map.of(1, List.of(few, USER, few))).rows();
    assertThat(rows).hasSize(2).allMatch(r -> r.users() == 1);
  }

  /** The ranker's whole ranking for the user. */
  static List<String> ranking(Ranker ranker, SimulatedUser user) {
    return ranker.recommend(user.signals(), user.candidates(), 1_000).stream()
        .map(Recommendation::paperId)
        .toList();
  }

  /** The mean place (0 the first) of {@code papers} in {@code ranked}. */
  static double meanPlace(List<String> ranked, List<String> papers) {
    assertThat(ranked).containsAll(papers);
    return papers.stream().mapToInt(ranked::indexOf).average().orElseThrow();
  }

  /** Remembers what it was asked and what it answered. */
  static final class Recording implements Ranker {
    record Call(UserSignals signals, List<String> ids) {}

    final Ranker ranker;
    final List<Call> calls = new ArrayList<>();

    Recording(Ranker ranker) {
      this.ranker = ranker;
    }

    @Override
    public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
      var out = ranker.recommend(signals, candidates, limit);
      calls.add(new Call(signals, out.stream().map(Recommendation::paperId).toList()));
      return out;
    }
  }

  static List<Paper> papers() {
    List<Paper> out = new ArrayList<>();
    TEXTS.forEach(
        (id, text) -> out.add(TestLibrary.paper(id, text, "", List.of(), List.of(), null, null)));
    return out;
  }

  private static Set<String> pageA() {
    Set<String> out = new HashSet<>();
    for (int i = 1; i <= A; i++) out.add("a" + i);
    return out;
  }

  private static void add(String prefix, int i, float[] vector, String text) {
    String id = prefix.equals("s") ? "s" : prefix + i;
    BY_ID.put(id, vector);
    TEXTS.put(id, text);
  }

  /**
   * Five of a group's words, in turn: each word in five papers of the group, so that
   * arxiv-sanity-lite's vocabulary (terms in 5 papers or more, a tenth at most) keeps them.
   */
  private static String words(String prefix, int i, int groupSize) {
    return String.join(
        " ", IntStream.range(0, 5).mapToObj(j -> prefix + ((i + j) % groupSize)).toList());
  }

  private static float[] vector(double... values) {
    double norm = 0;
    for (double v : values) norm += v * v;
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) out[i] = (float) (values[i] / Math.sqrt(norm));
    return out;
  }
}
