package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vectorizer against values worked out by hand on a four-document corpus (scikit-learn's
 * TfidfVectorizer with the same settings gives the same numbers).
 */
class TfidfTest {
  // n = 4 documents; "graph" is in 3 of them, "neural" in 2, every other term in 1
  static final List<String> CORPUS =
      List.of(
          "Spectral graph spectral graph", "Neural networks", "Graph attention", "Neural graph");

  static final double IDF_ONE = Math.log(5.0 / 2) + 1; // ln((1 + n) / (1 + df)) + 1, df = 1
  static final double IDF_TWO = Math.log(5.0 / 3) + 1; // df = 2

  @Test
  void maxDfDropsTermsInMoreThanThatShareOfTheDocuments() {
    Tfidf tfidf = Tfidf.fit(CORPUS, new Tfidf.Options(100, 1, 0.5, true));
    // max_df 0.5 of 4 documents: at most 2; "graph" (3) goes, "neural" (2) stays
    assertThat(tfidf.index("graph")).isEqualTo(-1);
    assertThat(tfidf.features()).isEqualTo(9);
    assertThat(tfidf.idf("neural"))
        .isCloseTo(IDF_TWO, within(1e-12))
        .isCloseTo(1.5108256, within(1e-7));
    assertThat(tfidf.idf("attention")).isCloseTo(1.9162907, within(1e-7));
    // columns in term order, as scikit-learn sorts them
    assertThat(tfidf.index("attention")).isZero();
    assertThat(tfidf.index("spectral graph")).isEqualTo(8);
  }

  @Test
  void sublinearTfIdfIsL2Normalized() {
    Tfidf tfidf = Tfidf.fit(CORPUS, new Tfidf.Options(100, 1, 0.5, true));
    Tfidf.Vector v = tfidf.transform(CORPUS.getFirst());
    // "spectral" and "spectral graph" twice: tf 1 + ln 2; "graph spectral" once: tf 1
    double twice = (1 + Math.log(2)) * IDF_ONE;
    double once = IDF_ONE;
    double norm = Math.sqrt(2 * twice * twice + once * once);
    assertThat(v.indices()).containsExactly(2, 7, 8);
    assertThat(v.values()[0])
        .isCloseTo(once / norm, within(1e-12))
        .isCloseTo(0.3853716, within(1e-7));
    assertThat(v.values()[1])
        .isCloseTo(twice / norm, within(1e-12))
        .isCloseTo(0.6524909, within(1e-7));
    assertThat(v.values()[2]).isCloseTo(twice / norm, within(1e-12));
  }

  @Test
  void plainTfCountsOccurrences() {
    Tfidf tfidf = Tfidf.fit(CORPUS, new Tfidf.Options(100, 1, 0.5, false));
    Tfidf.Vector v = tfidf.transform(CORPUS.getFirst());
    double twice = 2 * IDF_ONE;
    double norm = Math.sqrt(2 * twice * twice + IDF_ONE * IDF_ONE);
    assertThat(v.values()[1]).isCloseTo(twice / norm, within(1e-12));
  }

  @Test
  void minDfDropsRareTerms() {
    Tfidf tfidf = Tfidf.fit(CORPUS, new Tfidf.Options(100, 2, 1.0, true));
    assertThat(tfidf.features()).isEqualTo(2); // "graph" (3 documents) and "neural" (2)
    assertThat(tfidf.index("graph")).isZero();
    assertThat(tfidf.index("neural")).isEqualTo(1);
  }

  @Test
  void maxFeaturesKeepsTheMostFrequentTermsOverAllDocuments() {
    Tfidf tfidf = Tfidf.fit(CORPUS, new Tfidf.Options(2, 1, 1.0, true));
    // "graph" occurs 4 times; "neural", "spectral" and "spectral graph" twice: the first by term
    assertThat(tfidf.features()).isEqualTo(2);
    assertThat(tfidf.index("graph")).isGreaterThanOrEqualTo(0);
    assertThat(tfidf.index("neural")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void termsAreFoldedTokensWithoutStopWordsThenTheirBigrams() {
    assertThat(Tfidf.terms("Gröbner bases of the ideal, a 2d GPT4 x_1"))
        .containsExactly(
            "grobner",
            "bases",
            "ideal",
            "gpt4",
            "x_1",
            "grobner bases",
            "bases ideal",
            "ideal gpt4",
            "gpt4 x_1");
  }

  @Test
  void aDocumentWithNoKnownTermIsTheZeroVector() {
    Tfidf tfidf = Tfidf.fit(CORPUS, new Tfidf.Options(100, 1, 0.5, true));
    assertThat(tfidf.transform("the of and").indices()).isEmpty();
  }
}
