package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaperFactsTest {
  @Test
  void creativeCommonsLicensesAreNamedByTheirCode() {
    assertThat(PaperFacts.licenseName("http://creativecommons.org/licenses/by/4.0/"))
        .isEqualTo("CC BY 4.0");
    assertThat(PaperFacts.licenseName("http://creativecommons.org/licenses/by-nc-sa/3.0/"))
        .isEqualTo("CC BY-NC-SA 3.0");
    assertThat(PaperFacts.licenseName("http://creativecommons.org/publicdomain/zero/1.0/"))
        .isEqualTo("CC0 1.0");
  }

  @Test
  void arxivsOwnLicenseIsNamedAndAnUnknownOneKeptAsStored() {
    assertThat(PaperFacts.licenseName("http://arxiv.org/licenses/nonexclusive-distrib/1.0/"))
        .isEqualTo("arXiv's license to distribute");
    assertThat(PaperFacts.licenseName("https://example.org/my-license"))
        .isEqualTo("https://example.org/my-license");
  }

  @Test
  void sourcesAreNamedOnceEach() {
    assertThat(PaperFacts.sourceNames(List.of("arxiv-oai", "hf-api", "hf-page")))
        .isEqualTo("arXiv (OAI-PMH), Hugging Face Daily Papers");
    assertThat(PaperFacts.sourceNames(List.of("arxiv-snapshot", "other")))
        .isEqualTo("arXiv metadata snapshot, other");
  }
}
