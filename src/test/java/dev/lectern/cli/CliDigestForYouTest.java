package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.DigestFixture;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.Users;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
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

  @Test
  void aDryRunListsAPaperLikeTheSavedOneRecommendedBecauseOfIt() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      Map<String, float[]> vectors = new HashMap<>();
      for (String id :
          new String[] {"2403.10000", SAVED, "2403.10002", "2403.10003", "2403.10004"}) {
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

    Cli r = Cli.run(dataDir, "digest", "--dry-run", "--user", "local");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("== local <local@example.org>, daily")
        .contains("Graph attention at scale")
        .contains("recommended because you saved “" + SAVED_TITLE + "”");
  }
}
