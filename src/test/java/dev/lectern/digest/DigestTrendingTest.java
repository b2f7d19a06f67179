package dev.lectern.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.Digest.Item;
import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A digest leaves out what the user said "not interested" to, wherever it would come from, and does
 * not suggest as trending what they already saved.
 */
class DigestTrendingTest {
  @TempDir Path dataDir;
  DigestFixture fixture;
  Digests digests;

  @BeforeEach
  void start() {
    fixture = DigestFixture.start(dataDir);
    // trending papers of the day that no saved search or follow brings
    fixture.add(
        DigestFixture.paper(
            "2403.10005",
            "Saved from Today already",
            "Alan Turing",
            "cs.CL",
            DigestFixture.DAY,
            40),
        DigestFixture.paper(
            "2403.10006",
            "Another talked-about paper",
            "Alan Turing",
            "cs.CL",
            DigestFixture.DAY,
            7));
    digests = fixture.digests(DigestFixture.mail(1, "", ""));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void dismissedPapersAreNowhereAndSavedOnesAreNotTrending() {
    PaperMarks marks = new PaperMarks(fixture.lectern.library(), Clock.systemUTC());
    marks.set(1, "2403.10004", Mark.DISMISSED, true); // the day's most upvoted
    marks.set(1, "2403.10003", Mark.DISMISSED, true); // by an author the user follows
    marks.set(1, "2403.10005", Mark.SAVED, true);
    Recipient local = digests.users().byName("local").orElseThrow();

    Digest d = digests.composer().compose(local, DigestFixture.DAY.minusDays(1), DigestFixture.DAY);

    assertThat(ids(d.trending())).containsExactly("2403.10006");
    assertThat(ids(d.items()))
        .contains("2403.10001", "2403.10002")
        .doesNotContain("2403.10003", "2403.10004", "2403.10005");
    // the user's own feed leaves the dismissed out too
    assertThat(ids(digests.composer().papers(1, null, DigestFixture.DAY)))
        .contains("2403.10001")
        .doesNotContain("2403.10003");
  }

  @Test
  void withoutMarksTheDaysTrendingPapersAreThere() {
    Recipient local = digests.users().byName("local").orElseThrow();
    Digest d = digests.composer().compose(local, DigestFixture.DAY.minusDays(1), DigestFixture.DAY);
    assertThat(ids(d.trending())).containsExactly("2403.10004", "2403.10005", "2403.10006");
    assertThat(ids(d.items())).contains("2403.10003");
  }

  private static List<String> ids(List<Item> items) {
    return items.stream().map(i -> i.paper().id()).toList();
  }
}
