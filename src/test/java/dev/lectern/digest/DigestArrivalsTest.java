package dev.lectern.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.PaperLibrary;
import dev.lectern.store.PaperWriter;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A digest lists what arrived since the one before. arXiv announces the papers submitted after its
 * afternoon deadline with the next day's, so a day's papers come in two harvests; the second half
 * was once in no digest, its day being at or before the last digest's cut-off.
 */
class DigestArrivalsTest {
  static final Instant MORNING = Instant.parse("2024-03-14T08:00:00Z");
  static final BooleanSupplier NEVER = () -> false;

  @TempDir Path dataDir;

  /** The user's daily digests, composed without a mail server (recorded as pending). */
  private static String digestOn(DigestFixture f, Instant morning) {
    Digests digests = f.lectern.digests(f.lectern.search(false));
    DigestRun.Report r = digests.run().run(morning, NEVER);
    if (r.composed() == 0) return null;
    return digests.sends().due(morning.plus(Duration.ofDays(1))).getLast().mail().text();
  }

  @Test
  void papersOfADayThatArriveADayLateAreInTheNextDigestAndOldOnesAreNot() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      String first = digestOn(f, MORNING);
      assertThat(first).contains("/papers/2403.10001").contains("/papers/2403.10003");

      // the evening's harvest: the rest of the 13th, after arXiv's deadline, and the 14th
      f.add(
          DigestFixture.paper(
              "2403.10005", "Graph coarsening", "Ada Lovelace", "cs.LG", DigestFixture.DAY, null),
          DigestFixture.paper(
              "2403.10006",
              "Graph sparsifiers",
              "Ada Lovelace",
              "cs.LG",
              DigestFixture.DAY.plusDays(1),
              null));
      // a dry run shows the same, and records nothing
      Digests digests = f.lectern.digests(f.lectern.search(false));
      for (int i = 0; i < 2; i++)
        assertThat(digests.run().preview(digests.users().subscribed()).getFirst().mail().text())
            .contains("/papers/2403.10005")
            .contains("/papers/2403.10006")
            .doesNotContain("/papers/2403.10001");
      String second = digestOn(f, MORNING.plus(Duration.ofDays(1)));
      assertThat(second)
          .contains("/papers/2403.10005")
          .contains("/papers/2403.10006")
          .doesNotContain("/papers/2403.10001")
          .contains("13 March 2024 to 14 March 2024");

      // an import of last year's papers is not news; a new day's paper is
      f.add(
          DigestFixture.paper(
              "2303.10007",
              "Graph theory of old",
              "Ada Lovelace",
              "cs.LG",
              DigestFixture.DAY.minusYears(1),
              null),
          DigestFixture.paper(
              "2403.10008",
              "Graph minors",
              "Ada Lovelace",
              "cs.LG",
              DigestFixture.DAY.plusDays(2),
              null));
      String third = digestOn(f, MORNING.plus(Duration.ofDays(2)));
      assertThat(third)
          .contains("/papers/2403.10008")
          .doesNotContain("/papers/2303.10007")
          .doesNotContain("/papers/2403.10005");

      // nothing arrived: no mail, as on a weekend
      assertThat(digestOn(f, MORNING.plus(Duration.ofDays(3)))).isNull();
    }
  }

  @Test
  void forYouRecommendsALateArrivalOnceAndNotWhatAnEarlierDigestCouldHaveListed() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      PaperLibrary library = f.lectern.library();
      new PaperMarks(library, Clock.systemUTC()).set(1, "2403.10001", Mark.SAVED, true);
      f.add(
          DigestFixture.paper(
              "2403.10011",
              "Molecules early",
              "Nobody Followed",
              "q-bio",
              DigestFixture.DAY,
              null));
      vectors(library);
      String first = digestOn(f, MORNING);
      assertThat(first).contains("/papers/2403.10011").contains("ecommended because you saved");

      f.add(
          DigestFixture.paper(
              "2403.10012", "Molecules late", "Nobody Followed", "q-bio", DigestFixture.DAY, null));
      vectors(library);
      String second = digestOn(f, MORNING.plus(Duration.ofDays(1)));
      assertThat(second)
          .contains("/papers/2403.10012")
          .contains("ecommended because you saved")
          .doesNotContain("/papers/2403.10011");
    }
  }

  @Test
  void aPaperThatArrivesWhileADigestIsComposedIsInTheNextOne() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      // For you is asked after the digest read the arrivals: an import commits right then
      Recommendations importing =
          (user, from, to, only, limit) -> {
            f.add(
                DigestFixture.paper(
                    "2403.10021",
                    "Graph rewiring",
                    "Ada Lovelace",
                    "cs.LG",
                    DigestFixture.DAY.plusDays(1),
                    null));
            return List.of();
          };
      Digests composing =
          Digests.open(
              f.lectern.library(),
              f.lectern.search(false),
              dataDir,
              f.lectern.mailSettings(),
              importing);
      assertThat(composing.run().run(MORNING, NEVER).composed()).isEqualTo(1);
      assertThat(composing.sends().due(MORNING.plus(Duration.ofDays(1))).getLast().mail().text())
          .contains("/papers/2403.10001")
          .doesNotContain("/papers/2403.10021");

      assertThat(digestOn(f, MORNING.plus(Duration.ofDays(1)))).contains("/papers/2403.10021");
    }
  }

  @Test
  void aBatchWrittenWhileAnotherImportCommittedIsInTheNextDigest() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      PaperLibrary library = f.lectern.library();
      // a long import: its writer opens (and reads its source) while a quicker one commits
      try (PaperWriter slow = library.writer(0)) {
        f.add(
            DigestFixture.paper(
                "2403.10031",
                "Graph spectra",
                "Ada Lovelace",
                "cs.LG",
                DigestFixture.DAY.plusDays(1),
                null));
        assertThat(digestOn(f, MORNING)).contains("/papers/2403.10031");

        slow.write(
            DigestFixture.paper(
                "2403.10032",
                "Graph colouring",
                "Ada Lovelace",
                "cs.LG",
                DigestFixture.DAY.plusDays(1),
                null));
        slow.commit(Map.of(), null);
      }
      f.lectern.index().sync();
      assertThat(digestOn(f, MORNING.plus(Duration.ofDays(1))))
          .contains("/papers/2403.10032")
          .doesNotContain("/papers/2403.10031");
    }
  }

  /** Papers like the saved one (one direction); the others point each their own way. */
  static final List<String> ALIKE = List.of("2403.10001", "2403.10011", "2403.10012");

  /** Vectors for every paper of the library. */
  private static void vectors(PaperLibrary library) {
    Map<String, float[]> vectors = new HashMap<>();
    for (PaperLibrary.Change c : library.changedSince(0, 1000)) {
      String id = c.paper().id();
      float[] v = new float[OnnxBgeEmbedder.DIMENSIONS];
      v[ALIKE.contains(id) ? 0 : 1 + Math.floorMod(id.hashCode(), 300)] = 1;
      v[301 + Math.floorMod(id.hashCode(), 80)] += 0.1f; // alike, not the same
      vectors.put(id, v);
    }
    library.embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, Map.of());
  }
}
