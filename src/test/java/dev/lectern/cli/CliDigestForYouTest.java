package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lectern.app.Lectern;
import dev.lectern.digest.DigestFixture;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.recommend.ForYou;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.Recommender;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.TrainingSignals;
import dev.lectern.user.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "For you" in a digest: the local user saved a paper, the papers have vectors, and a saved search
 * and a follow make a digest due; {@code lectern digest --dry-run} lists the paper most like the
 * saved one, saying why.
 */
class CliDigestForYouTest {
  private static final String SAVED = "2403.10001";
  private static final String SAVED_TITLE = "Graph neural networks for molecules";

  /** Like the saved paper (the same direction); the others point elsewhere. */
  private static final Set<String> ALIKE = Set.of(SAVED, "2403.10002");

  @TempDir Path dataDir;

  private static final String RECOMMENDED = "2403.10002";
  private static final java.time.LocalDate DAY = DigestFixture.DAY;

  @Test
  void aDryRunListsAPaperLikeTheSavedOneRecommendedBecauseOfIt() {
    savedWithVectors();
    Cli r = Cli.run(dataDir, "digest", "--dry-run", "--user", "local");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("== local <local@example.org>, daily")
        .contains("Graph attention at scale")
        .contains("recommended because you saved “" + SAVED_TITLE + "”");
  }

  /**
   * For you in a digest keeps the recommender's order, the best first (not the papers' day and id),
   * so the papers most like the saved one lead and unrelated ones come last, if at all.
   */
  @Test
  void aDigestListsForYouInTheRecommendersOrder() {
    savedWithVectors();
    // four papers ever less like the saved one, the most alike with the lowest id, and two
    // unrelated
    List<String> alike = List.of("2403.10011", "2403.10012", "2403.10013", "2403.10014");
    List<String> unrelated = List.of("2403.10021", "2403.10022");
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      Map<String, float[]> vectors = new HashMap<>();
      for (int k = 0; k < alike.size(); k++) {
        f.add(DigestFixture.paper(alike.get(k), "Alike " + k, "Emmy Noether", "q-bio", DAY, null));
        float[] v = new float[384];
        v[0] = 1;
        v[1] = 0.1f * (k + 1); // leaning ever more to the unrelated papers' direction
        v[100 + k] = 0.05f;
        vectors.put(alike.get(k), v);
      }
      for (int k = 0; k < unrelated.size(); k++) {
        f.add(
            DigestFixture.paper(
                unrelated.get(k), "Unrelated " + k, "Emmy Noether", "q-fin", DAY, null));
        float[] v = new float[384];
        v[1] = 1;
        v[200 + k] = 0.1f;
        vectors.put(unrelated.get(k), v);
      }
      f.lectern.library().embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, Map.of());
    }
    List<String> ranked = recommendedTomorrow(Instant.now());
    assertThat(ranked).as("the recommender's own order").containsSubsequence(alike);
    int lastAlike = ranked.indexOf(alike.getLast());
    for (String u : unrelated) {
      int i = ranked.indexOf(u);
      assertThat(i < 0 || i > lastAlike).as("%s after the alike ones, if at all", u).isTrue();
    }

    Cli r = Cli.run(dataDir, "digest", "--dry-run", "--user", "local");
    assertThat(r.code()).as(r.err()).isZero();
    String forYou = r.out().substring(r.out().indexOf("\nFor you\n"));
    List<Integer> at = alike.stream().map(id -> forYou.indexOf("/papers/" + id)).toList();
    assertThat(at).as(forYou).allSatisfy(i -> assertThat(i).isPositive()).isSorted();
    for (String u : unrelated) {
      int i = forYou.indexOf("/papers/" + u);
      assertThat(i < 0 || i > at.getLast()).as(forYou).isTrue();
    }
  }

  /**
   * Issue 17: a digest suggests a paper once. The paper a sent digest recommended is seen, so For
   * you leaves it out from the next day on; a dry run marks nothing.
   */
  @Test
  void aSentDigestMarksItsRecommendationsSeenAndADryRunDoesNot() throws Exception {
    savedWithVectors();
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      Path config = dataDir.resolve("lectern.conf");
      Files.writeString(
          config,
          "mail.host = 127.0.0.1\nmail.port = "
              + smtp.getSmtp().getPort()
              + "\nmail.security = none\nmail.base-url = https://lectern.example.org\n");
      Instant start = Instant.now();
      Cli dry = Cli.run(dataDir, "--config", config.toString(), "digest", "--dry-run");
      assertThat(dry.out()).contains("recommended because you saved");
      assertThat(recommendedTomorrow(start)).contains(RECOMMENDED);
      assertThat(seen(RECOMMENDED)).isNull();

      Cli sent = Cli.run(dataDir, "--config", config.toString(), "digest");
      assertThat(sent.out()).as(sent.err()).contains("1 sent");
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(seen(RECOMMENDED)).isNotNull();
      assertThat(seen("2403.10000")).as("a day before the digest's").isNull();
      assertThat(recommendedTomorrow(start)).doesNotContain(RECOMMENDED);
    } finally {
      smtp.stop();
    }
  }

  /** The local user saved a paper; every paper has a vector, two of them alike. */
  private void savedWithVectors() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      Map<String, float[]> vectors = new HashMap<>();
      for (String id :
          new String[] {"2403.10000", SAVED, RECOMMENDED, "2403.10003", "2403.10004"}) {
        float[] v = new float[384];
        v[ALIKE.contains(id) ? 0 : 1] = 1;
        v[2 + Math.floorMod(id.hashCode(), 300)] = 0.1f; // not quite the same as each other
        vectors.put(id, v);
      }
      f.lectern.library().embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, Map.of());
      assertThat(
              new PaperMarks(f.lectern.library(), Clock.systemUTC())
                  .set(Users.LOCAL_USER, SAVED, Mark.SAVED, true))
          .isPresent();
    }
  }

  /** What For you recommends the local user on the day after {@code now}. */
  private List<String> recommendedTomorrow(Instant now) {
    try (Lectern lectern = new Lectern(DigestFixture.settings(dataDir, Map.of()))) {
      Clock tomorrow = Clock.fixed(now.plus(Duration.ofDays(1)), ZoneOffset.UTC);
      ForYou forYou =
          new ForYou(
              lectern.library(),
              new TrainingSignals(lectern.library(), tomorrow),
              ForYou.Settings.defaults(),
              Recommender.Options.defaults());
      return forYou
          .recommend(Users.LOCAL_USER, DigestFixture.DAY.minusDays(6), DigestFixture.DAY, 10)
          .recommendations()
          .stream()
          .map(Recommendation::paperId)
          .toList();
    }
  }

  private Instant seen(String paper) {
    try (Lectern lectern = new Lectern(DigestFixture.settings(dataDir, Map.of()))) {
      return new PaperMarks(lectern.library(), Clock.systemUTC())
          .of(Users.LOCAL_USER, paper)
          .seen();
    }
  }
}
