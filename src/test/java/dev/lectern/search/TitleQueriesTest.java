package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TitleQueriesTest {
  static final String TITLE = "Towards Graph Transformers for Large Molecules: A Survey";
  static final List<String> TITLE_WORDS =
      List.of("graph", "transformers", "large", "molecules", "survey");

  @Test
  void twoOrThreeConsecutiveTitleWordsWithoutShortAndFunctionWords() {
    Random random = new Random(3);
    for (int n = 0; n < 50; n++) {
      if (n % 10 == 3 || n % 10 == 7) continue;
      String q = TitleQueries.of(TITLE, List.of("cs.LG"), List.of("Ada Lovelace"), random, n);
      List<String> words = List.of(q.split(" "));
      assertThat(words).hasSizeBetween(2, 3);
      int first = TITLE_WORDS.indexOf(words.getFirst());
      assertThat(words).as(q).isEqualTo(TITLE_WORDS.subList(first, first + words.size()));
    }
  }

  @Test
  void everyTenthIsRestrictedByTheFirstCategoryAndEveryTenthByTheFirstAuthorsSurname() {
    Random random = new Random(3);
    assertThat(
            TitleQueries.of(
                TITLE, List.of("cs.LG", "q-bio.BM"), List.of("Ada Lovelace"), random, 13))
        .endsWith(" cat:cs.LG");
    assertThat(
            TitleQueries.of(
                TITLE,
                List.of("cs.LG"),
                List.of("Ada \"The Countess\" Lovelace", "X Y"),
                random,
                27))
        .endsWith(" author:Lovelace");
    assertThat(TitleQueries.of(TITLE, List.of(), List.of(), random, 13)).doesNotContain(":");
  }

  @Test
  void aTitleWithoutAWordToSearchGivesNone() {
    assertThat(TitleQueries.of("On a Q & A", List.of(), List.of(), new Random(1), 0)).isNull();
  }
}
