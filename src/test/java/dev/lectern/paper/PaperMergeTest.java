package dev.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaperMergeTest {
  private static Paper arxiv(
      int versions, String abstractText, List<String> authors, String comments) {
    return new Paper(
        "2401.01234",
        "A title",
        abstractText,
        authors,
        List.of("cs.LG"),
        LocalDate.of(2024, 1, 2),
        LocalDate.of(2024, 1, 1).plusDays(versions * 30L),
        versions,
        null,
        null,
        comments,
        null,
        null,
        Set.of("arxiv-snapshot"));
  }

  @Test
  void aNewerVersionUpdatesTheFieldsItHas() {
    Paper v1 =
        arxiv(
            1,
            "A long first abstract that is longer than the second.",
            List.of("A", "B"),
            "v1 notes");
    Paper v2 = arxiv(2, "Revised abstract.", List.of("A"), null);
    Paper merged = PaperMerge.merge(v1, v2);
    assertThat(merged.abstractText()).isEqualTo("Revised abstract.");
    assertThat(merged.authors()).containsExactly("A");
    assertThat(merged.comments())
        .as("a field the newer version lacks is kept")
        .isEqualTo("v1 notes");
    assertThat(merged.versions()).isEqualTo(2);
  }

  @Test
  void anOlderSightingOnlyFillsGapsAndKeepsTheRicherValue() {
    Paper v2 = arxiv(2, "Short.", List.of("A"), null);
    Paper v1 =
        arxiv(1, "A much longer abstract from the first version.", List.of("A", "B"), "notes");
    Paper merged = PaperMerge.merge(v2, v1);
    assertThat(merged.abstractText()).isEqualTo("A much longer abstract from the first version.");
    assertThat(merged.authors()).containsExactly("A", "B");
    assertThat(merged.comments()).isEqualTo("notes");
    assertThat(merged.versions()).isEqualTo(2);
    assertThat(merged.updated()).isEqualTo(v2.updated());
  }

  @Test
  void mergingTheSameSightingAgainChangesNothing() {
    Paper a = arxiv(1, "abc", List.of("A"), null);
    Paper b = arxiv(2, "abcd", List.of("A", "B"), "c");
    Paper once = PaperMerge.merge(a, b);
    assertThat(PaperMerge.merge(once, b)).isEqualTo(once);
    assertThat(PaperMerge.merge(once, a)).isEqualTo(once);
  }

  @Test
  void aTitleOnlyPaperTakesTheArxivIdAndBothSourcesAreKept() {
    Paper fromPage =
        new Paper(
            PaperIds.fromTitle("A title"),
            "A title",
            "Abstract.",
            List.of(),
            List.of(),
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            12,
            Set.of("hf-page"));
    Paper merged = PaperMerge.merge(fromPage, arxiv(1, "Abstract.", List.of("A"), null));
    assertThat(merged.id()).isEqualTo("2401.01234");
    assertThat(merged.sources()).containsExactly("arxiv-snapshot", "hf-page");
    assertThat(merged.upvotes()).isEqualTo(12);
    assertThat(merged.categories()).containsExactly("cs.LG");
  }

  @Test
  void withoutVersionCountsTheLaterUpdateIsNewer() {
    Paper oai =
        new Paper(
            "2401.01234",
            "A title",
            "New text.",
            List.of("A"),
            List.of("cs.LG"),
            null,
            LocalDate.of(2025, 1, 1),
            0,
            null,
            null,
            null,
            null,
            null,
            Set.of("arxiv-oai"));
    assertThat(PaperMerge.isNewer(oai, arxiv(3, "Old text, longer.", List.of("A"), null))).isTrue();
  }
}
