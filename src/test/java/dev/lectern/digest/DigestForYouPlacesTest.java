package dev.lectern.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.Digest.Item;
import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.digest.Recommendations.Recommended;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.paper.Paper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busy week of follows fills a digest, but not the places kept for For you. */
class DigestForYouPlacesTest {
  @TempDir Path dataDir;

  @Test
  void aFullDigestKeepsTheRecommendersBestPapers() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      // three followed authors with 25 papers each: 75 papers, more than a digest holds
      Subscriptions subs = new Subscriptions(f.db());
      List<Paper> papers = new ArrayList<>();
      for (String author : List.of("Emmy Noether", "Sofia Kovalevskaya", "Mary Somerville")) {
        subs.add(1, Kind.AUTHOR, author, author);
        for (int i = 0; i < 25; i++)
          papers.add(
              DigestFixture.paper(
                  String.format("2403.%05d", 20_000 + papers.size()),
                  "A paper by " + author + " number " + i,
                  author,
                  "math.AG",
                  DigestFixture.DAY,
                  null));
      }
      List<String> recommended = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        String id = String.format("2403.%05d", 30_000 + i);
        recommended.add(id);
        papers.add(
            DigestFixture.paper(
                id, "Recommended paper " + i, "Nobody Followed", "cs.IR", DigestFixture.DAY, null));
      }
      f.add(papers.toArray(Paper[]::new));
      Recommendations forYou =
          (user, from, to, only, limit) ->
              recommended.stream()
                  .limit(limit)
                  .map(id -> new Recommended(id, "you saved “Something”"))
                  .toList();
      DigestComposer composer =
          new DigestComposer(f.lectern.search(false), f.lectern.library(), subs, forYou);
      Recipient local = new DigestUsers(f.db()).byName("local").orElseThrow();

      Digest d = composer.compose(local, DigestFixture.DAY.minusDays(1), DigestFixture.DAY);

      assertThat(d.items()).hasSize(DigestComposer.MAX_ITEMS);
      List<String> last =
          d.items().subList(DigestComposer.MAX_ITEMS - DigestComposer.FOR_YOU_PLACES, 60).stream()
              .map(i -> i.paper().id())
              .toList();
      assertThat(last).containsExactlyElementsOf(recommended.subList(0, 10)); // best first
      assertThat(d.items().stream().filter(Digest::onlyRecommended).map(Item::paper))
          .hasSize(DigestComposer.FOR_YOU_PLACES);
    }
  }
}
