package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ceiling's cross-validation: every paper is ranked once, by a model that never saw it, and a
 * learner that knows the topics ranks a user's wanted papers first.
 */
class SupervisedCeilingTest {
  static final List<String> LIBRARY = new ArrayList<>();
  static final Set<String> TOPIC = new HashSet<>();

  static {
    for (int i = 0; i < 23; i++) {
      LIBRARY.add("p" + i);
      if (i % 3 == 0) TOPIC.add("p" + i);
    }
  }

  @Test
  void foldsAreSeededAndDifferInSizeByOneAtMost() {
    int[] a = SupervisedCeiling.folds(23, 5, new Random(7));
    assertThat(a).isEqualTo(SupervisedCeiling.folds(23, 5, new Random(7)));
    assertThat(a).isNotEqualTo(SupervisedCeiling.folds(23, 5, new Random(8)));
    int[] sizes = new int[5];
    for (int f : a) sizes[f]++;
    assertThat(sizes).containsExactlyInAnyOrder(5, 5, 5, 4, 4);
  }

  @Test
  void everyPaperIsRankedOnceByAModelThatDidNotTrainOnIt() {
    int[] fold = SupervisedCeiling.folds(LIBRARY.size(), 5, new Random(42));
    Map<String, Integer> timesRanked = new HashMap<>();
    List<Set<String>> trainedOn = new ArrayList<>();
    SupervisedCeiling.Learner recording =
        (positives, negatives) -> {
          assertThat(TOPIC).containsAll(positives);
          assertThat(negatives).noneMatch(TOPIC::contains);
          Set<String> seen = new HashSet<>(positives);
          seen.addAll(negatives);
          trainedOn.add(seen);
          return id -> {
            assertThat(seen).doesNotContain(id);
            timesRanked.merge(id, 1, Integer::sum);
            return 0;
          };
        };
    var scores =
        SupervisedCeiling.crossValidated(
            LIBRARY, TOPIC, fold, 5, recording, SupervisedCeiling.Combine.SCORES);
    assertThat(scores.keySet()).containsExactlyInAnyOrderElementsOf(LIBRARY);
    assertThat(timesRanked.keySet()).containsExactlyInAnyOrderElementsOf(LIBRARY);
    assertThat(timesRanked.values()).containsOnly(1);
    assertThat(trainedOn).hasSize(5);
    // each model trained on every paper outside its fold
    for (Set<String> seen : trainedOn) assertThat(seen).hasSizeBetween(18, 19);
  }

  @Test
  void cleanNegativesTrainOnTheSavedPapersAndOffTopicPapersOfOtherFoldsOnly() {
    Map<String, Integer> timesRanked = new HashMap<>();
    SupervisedCeiling.Learner recording =
        (positives, negatives) -> {
          assertThat(positives).containsExactly("p0", "p3");
          assertThat(negatives).noneMatch(TOPIC::contains);
          return id -> {
            assertThat(negatives).doesNotContain(id);
            timesRanked.merge(id, 1, Integer::sum);
            return 0;
          };
        };
    var method =
        SupervisedCeiling.cleanNegatives(Map.of("t", List.copyOf(TOPIC)), recording, 5, 42);
    Set<String> wanted = new HashSet<>(TOPIC);
    wanted.removeAll(List.of("p0", "p3"));
    method.score(
        new SimulatedUser(
            "t", UserSignals.saving(List.of("p0", "p3")), new Candidates(LIBRARY), wanted));
    Set<String> candidates = new HashSet<>(LIBRARY);
    candidates.removeAll(List.of("p0", "p3"));
    assertThat(timesRanked.keySet()).containsExactlyInAnyOrderElementsOf(candidates);
    assertThat(timesRanked.values()).containsOnly(1);
  }

  @Test
  void aLearnerThatKnowsTheTopicRanksTheUsersWantedPapersFirst() {
    // scores 1 for the topic's papers, whatever it was trained on
    SupervisedCeiling.Learner knowing = (positives, negatives) -> id -> TOPIC.contains(id) ? 1 : 0;
    Map<String, List<String>> topics = new LinkedHashMap<>();
    topics.put("t", List.copyOf(TOPIC));
    for (var combine : SupervisedCeiling.Combine.values()) {
      var ceiling = SupervisedCeiling.of(topics, LIBRARY, knowing, 5, 3, 42, combine);
      Set<String> wanted = new HashSet<>(TOPIC);
      wanted.remove("p0");
      var user =
          new SimulatedUser(
              "t", UserSignals.saving(List.of("p0")), new Candidates(LIBRARY), wanted);
      assertThat(ceiling.score(user).mrr()).isEqualTo(1.0);
      if (combine == SupervisedCeiling.Combine.SCORES) {
        assertThat(ceiling.score(user).ndcg()).isEqualTo(1.0);
        assertThat(ceiling.byTopic().get("t").ndcg()).isEqualTo(1.0);
      }
    }
  }
}
