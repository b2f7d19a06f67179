package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.testing.TestLibrary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The made-up users of both variants save and want what their definitions say. */
class SimulatedUserTest {
  @Test
  void aTopicUserSavedKOfItsPapersAndWantsTheOthers() {
    var topics = Map.of("a", List.of("a1", "a2", "a3", "s"), "b", List.of("b1", "b2", "s"));
    List<String> library = List.of("a1", "a2", "a3", "s", "b1", "b2");
    var users = SimulatedUser.ofTopics(topics, library, 2, 50, 7);
    assertThat(users).hasSize(100);
    for (var u : users) {
      List<String> saved = u.signals().saved();
      Set<String> topic = new HashSet<>(topics.get(u.group()));
      assertThat(saved).hasSize(2).doesNotHaveDuplicates().allMatch(topic::contains);
      Set<String> wanted = new HashSet<>(topic);
      saved.forEach(wanted::remove);
      assertThat(u.relevant()).isEqualTo(wanted);
      assertThat(u.candidates().ids()).isEqualTo(library);
    }
    // and the draws differ from user to user, the same from run to run
    assertThat(users.stream().map(u -> Set.copyOf(u.signals().saved())).distinct().count())
        .isGreaterThan(3);
    assertThat(SimulatedUser.ofTopics(topics, library, 2, 50, 7)).isEqualTo(users);
  }

  @Test
  void aTopicTooSmallForKIsSkipped() {
    assertThat(
            SimulatedUser.ofTopics(Map.of("a", List.of("a1", "a2")), List.of("a1", "a2"), 2, 5, 1))
        .isEmpty();
  }

  @Test
  void aTemporalUserSavedPastPapersOfACategoryNewestFirstAndWantsItsFutureOnes() {
    List<Paper> papers = new ArrayList<>();
    LocalDate start = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < 100; i++) {
      String category = i % 2 == 0 ? "cs.LG" : "cs.CV";
      papers.add(
          TestLibrary.paper(
              "p" + i, "t" + i, "", List.of(), List.of(category), start.plusDays(i), null));
    }
    var users = SimulatedUser.ofCategories(papers, 0.8, 3, 40, 5, 1);
    assertThat(users).hasSize(40);
    LocalDate split = start.plusDays(80);
    for (var u : users) {
      List<String> saved = u.signals().saved();
      assertThat(saved).hasSize(3);
      List<LocalDate> days =
          saved.stream().map(id -> start.plusDays(Integer.parseInt(id.substring(1)))).toList();
      assertThat(days)
          .allMatch(d -> d.isBefore(split))
          .isSortedAccordingTo((a, b) -> b.compareTo(a));
      int parity = u.group().equals("cs.LG") ? 0 : 1;
      assertThat(saved).allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == parity);
      assertThat(u.relevant())
          .hasSize(10)
          .allMatch(
              id ->
                  Integer.parseInt(id.substring(1)) % 2 == parity
                      && Integer.parseInt(id.substring(1)) >= 80);
      assertThat(u.candidates().ids()).hasSize(20);
    }
    assertThat(users).extracting(SimulatedUser::group).contains("cs.LG", "cs.CV");
  }
}
