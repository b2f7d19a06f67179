package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.PaperAnalyzers;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextToEmbedTest {
  final LexicalQueries lexical = new LexicalQueries(PaperAnalyzers.perField());

  String embedded(String text) {
    return TextToEmbed.of(text, lexical.parse(text));
  }

  @Test
  void excludedWordsPhrasesAndGroupsAreLeftOut() {
    assertThat(embedded("diffusion -survey models")).isEqualTo("diffusion models");
    assertThat(embedded("-\"image editing\" diffusion")).isEqualTo("diffusion");
    assertThat(embedded("molecules AND NOT passing")).isEqualTo("molecules AND");
    assertThat(embedded("graph !survey")).isEqualTo("graph");
    assertThat(embedded("graph NOT\"a survey\" x")).isEqualTo("graph x");
    assertThat(embedded("graph NOT(survey review) x")).isEqualTo("graph x");
    assertThat(embedded("a -(survey review) d")).isEqualTo("a d");
    assertThat(embedded("a -title:\"a survey\" d")).isEqualTo("a d");
    assertThat(embedded("graph -survey\u3000learning")).isEqualTo("graph learning");
  }

  @Test
  void whatTheParserReadsAsTextStaysIn() {
    assertThat(embedded("\"to be or NOT to be\" -hamlet")).isEqualTo("\"to be or NOT to be\"");
    assertThat(embedded("self-supervised learning -survey")).isEqualTo("self-supervised learning");
    assertThat(embedded("graph \\-survey")).as("escaped: a word").isEqualTo("graph \\-survey");
    // an unbalanced quote makes the parser read everything literally: "unclosed" is a wanted word
    assertThat(embedded("graph -\"unclosed")).isEqualTo("graph -\"unclosed");
    assertThat(embedded("graph learning")).isEqualTo("graph learning");
  }

  @Test
  void onlyExclusionsLeaveNothingToEmbed() {
    assertThat(embedded("-survey")).isEmpty();
    assertThat(embedded("NOT survey")).isEmpty();
  }

  static long nonSpace(String s) {
    return s.chars().filter(c -> c != ' ' && c != '\u3000').count();
  }

  @Test
  void anyTextIsScannedWithoutFailing() {
    Random random = new Random(7);
    String alphabet = "ab -!\"()\\:NOT\u3000";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(24); n > 0; n--)
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String out = TextToEmbed.withoutExclusions(text.toString());
      assertThat(nonSpace(out)).as(text.toString()).isLessThanOrEqualTo(nonSpace(text.toString()));
    }
  }
}
