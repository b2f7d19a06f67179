package dev.lectern.digest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.DigestFixture;
import dev.lectern.digest.Subscriptions;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.Users;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest benchmark's users get what it says (searches, follows, saves) and digests with papers;
 * a second run on the same library reuses them.
 */
class DigestBenchmarkTest {
  @TempDir Path dataDir;

  @Test
  void itsUsersGetDigestsAndARerunReusesThem() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      PaperLibrary library = f.lectern.library();
      Map<String, float[]> vectors = new HashMap<>();
      for (PaperLibrary.Change c : library.changedSince(0, 100)) {
        float[] v = new float[OnnxBgeEmbedder.DIMENSIONS];
        v[Math.floorMod(c.paper().id().hashCode(), v.length)] = 1;
        vectors.put(c.paper().id(), v);
      }
      library.embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, Map.of());
      List<String> log = new ArrayList<>();
      var setup = new DigestBenchmark.Setup(3, 1, 2, 1, 1, null, 7);

      DigestBenchmark.Report first = new DigestBenchmark(f.lectern, log::add).run(setup);
      assertThat(log).containsExactly("4 users made, with their searches, follows and saves");
      assertThat(first.perUser().runs()).isEqualTo(3);
      // every paper is of the week and each user follows an author of one: a mail each
      assertThat(first.mails()).isEqualTo(3);
      assertThat(first.meanPapers()).isGreaterThanOrEqualTo(1);
      assertThat(first.text()).contains("weekly digests of 3 users", "3 mails");

      Users users = f.lectern.accounts().users();
      long id = users.byName("bench-7-0").orElseThrow().id();
      assertThat(new Subscriptions(f.db()).of(id)).hasSize(3);
      assertThat(users.byName("bench-7-0").orElseThrow().email())
          .isEqualTo("bench-7-0@example.org");

      log.clear();
      DigestBenchmark.Report again = new DigestBenchmark(f.lectern, log::add).run(setup);
      assertThat(log).isEmpty();
      assertThat(again.mails()).isEqualTo(3);
      assertThat(users.list()).hasSize(5); // the local user and the benchmark's 4

      // a week that ended before the library's papers: nothing to mail
      var earlier = new DigestBenchmark.Setup(3, 1, 2, 1, 1, DigestFixture.DAY.minusDays(30), 7);
      DigestBenchmark.Report none = new DigestBenchmark(f.lectern, log::add).run(earlier);
      assertThat(none.mails()).isZero();
      assertThat(none.cutoff()).isEqualTo(DigestFixture.DAY.minusDays(30));
    }
  }
}
