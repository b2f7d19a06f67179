package dev.lectern.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "For you" over a real library: 60 papers on two subjects over 10 days, stored vectors, and the
 * user's signals.
 */
class ForYouTest {
  @TempDir Path dir;

  final Map<String, float[]> vectors = new HashMap<>();

  PaperLibrary library(boolean embedded) {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 60; i++) {
      String id = String.format("2403.%05d", i);
      TestLibrary.write(
          library,
          TestLibrary.paper(
              id,
              "Paper " + i,
              "",
              List.of(),
              List.of("cs.LG"),
              LocalDate.of(2024, 3, 1 + i % 10),
              null));
      // even papers on one subject, odd on another
      double[] d = i % 2 == 0 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
      for (int j = 0; j < d.length; j++) d[j] += 0.2 * random.nextGaussian();
      vectors.put(id, Vectors.unit(d));
    }
    if (embedded) library.embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, Map.of());
    return library;
  }

  ForYou forYou(PaperLibrary library, UserSignals signals) {
    return new ForYou(
        library, user -> signals, ForYou.Settings.defaults(), Recommender.Options.defaults());
  }

  @Test
  void recentPapersOnTheSavedSubjectComeFirstAndSayWhy() {
    PaperLibrary library = library(true);
    UserSignals signals =
        new UserSignals(
            List.of("2403.00000", "2403.00002"), Map.of(), Set.of("2403.00004"), Set.of());
    ForYou.Result r = forYou(library, signals).recommend(1, 10);
    assertThat(r.status()).isEqualTo(ForYou.Status.READY);
    assertThat(r.from()).isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(r.to()).isEqualTo(LocalDate.of(2024, 3, 10));
    assertThat(r.recommendations()).hasSize(10);
    for (Recommendation rec : r.recommendations()) {
      int n = Integer.parseInt(rec.paperId().substring(5));
      assertThat(n % 2).as(rec.paperId()).isZero();
      assertThat(n % 10).as("in the window").isGreaterThanOrEqualTo(3);
      assertThat(rec.because()).isNotEmpty().isSubsetOf("2403.00000", "2403.00002");
    }
    assertThat(r.recommendations())
        .extracting(Recommendation::paperId)
        .doesNotContain("2403.00000", "2403.00002", "2403.00004");
    assertThat(r.interests()).hasSize(1);
  }

  @Test
  void shownPapersAreNotRecommendedAgain() {
    PaperLibrary library = library(true);
    List<String> saved = List.of("2403.00000");
    List<String> first =
        forYou(library, UserSignals.saving(saved)).recommend(1, 5).recommendations().stream()
            .map(Recommendation::paperId)
            .toList();
    UserSignals later = new UserSignals(saved, Map.of(), Set.of(), Set.copyOf(first));
    assertThat(forYou(library, later).recommend(1, 5).recommendations())
        .extracting(Recommendation::paperId)
        .doesNotContainAnyElementsOf(first);
  }

  @Test
  void emptyListsSayWhy() {
    PaperLibrary notEmbedded = library(false);
    assertThat(forYou(notEmbedded, UserSignals.saving(List.of())).recommend(1, 10).status())
        .isEqualTo(ForYou.Status.NOTHING_SAVED);
    assertThat(
            forYou(notEmbedded, UserSignals.saving(List.of("2403.00000")))
                .recommend(1, 10)
                .status())
        .isEqualTo(ForYou.Status.NOT_EMBEDDED);
  }

  @Test
  void modelsAreRetrainedWhenWhatTheyLearnFromChangesAndNotWhenAListIsShown() {
    PaperLibrary library = library(true);
    java.util.concurrent.atomic.AtomicReference<UserSignals> signals =
        new java.util.concurrent.atomic.AtomicReference<>(
            UserSignals.saving(List.of("2403.00000", "2403.00002")));
    ForYou forYou =
        new ForYou(
            library,
            user -> signals.get(),
            ForYou.Settings.defaults(),
            Recommender.Options.defaults());
    List<Recommendation> first = forYou.recommend(1, 10).recommendations();
    assertThat(forYou.recommend(1, 10).recommendations()).isEqualTo(first);
    assertThat(forYou.trainings()).isEqualTo(1);

    // the list was shown: those papers leave it, the models stay
    Set<String> shown = Set.of(first.getFirst().paperId());
    signals.set(new UserSignals(List.of("2403.00000", "2403.00002"), Map.of(), Set.of(), shown));
    assertThat(forYou.recommend(1, 10).recommendations())
        .extracting(Recommendation::paperId)
        .doesNotContain(first.getFirst().paperId());
    assertThat(forYou.trainings()).isEqualTo(1);

    // another user's list is their own models'
    forYou.recommend(2, 10);
    assertThat(forYou.trainings()).isEqualTo(2);

    // a save retrains; so does a new paper in the window (the negatives' pool changed)
    signals.set(
        new UserSignals(
            List.of("2403.00001", "2403.00000", "2403.00002"), Map.of(), Set.of(), shown));
    assertThat(forYou.recommend(1, 10).interests().getFirst().papers()).contains("2403.00001");
    assertThat(forYou.trainings()).isEqualTo(3);
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "2403.00100", "New", "", List.of(), List.of("cs.LG"), LocalDate.of(2024, 3, 10), null));
    library
        .embeddings()
        .putAll(
            OnnxBgeEmbedder.MODEL_ID,
            Map.of("2403.00100", Vectors.unit(new double[] {1, 0.1, 0})),
            Map.of());
    assertThat(forYou.recommend(1, 10).recommendations())
        .extracting(Recommendation::paperId)
        .contains("2403.00100");
    assertThat(forYou.trainings()).isEqualTo(4);
  }
}
