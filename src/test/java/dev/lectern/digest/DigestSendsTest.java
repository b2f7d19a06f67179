package dev.lectern.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.DigestMail.Composed;
import dev.lectern.user.PaperMarks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest's "For you" papers are seen once it is sent, and only then. */
class DigestSendsTest {
  private static final Instant NOW = Instant.parse("2024-03-14T07:00:00Z");
  private static final Composed MAIL = new Composed("Lectern", "text", "<p>html</p>");

  @TempDir Path dataDir;

  @Test
  void aFailedSendMarksNothingAndTheSendThatWorksMarksTheRecommendedPapers() {
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      DigestSends sends = new DigestSends(f.db());
      PaperMarks marks = new PaperMarks(f.lectern.library(), Clock.systemUTC());
      marks.markSeen(1, List.of("2403.10001")); // seen before: its first time stays
      Instant earlier = marks.of(1, "2403.10001").seen();
      assertThat(
              sends.addPending(
                  1,
                  NOW,
                  DigestFixture.DAY.minusDays(1),
                  DigestFixture.DAY,
                  "local@example.org",
                  MAIL,
                  "<m@lectern>",
                  List.of("2403.10001", "2403.10002"),
                  NOW,
                  NOW))
          .isTrue();
      long id = sends.due(NOW).getFirst().id();

      sends.markFailed(id, "the server said no", NOW.plus(Duration.ofMinutes(5)));
      assertThat(marks.of(1, "2403.10002").seen()).isNull();

      sends.markSent(id, NOW.plus(Duration.ofMinutes(5)));
      assertThat(marks.of(1, "2403.10002").seen()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
      assertThat(marks.of(1, "2403.10001").seen()).isEqualTo(earlier);
      assertThat(marks.of(2, "2403.10002").seen()).as("another user's").isNull();
      assertThat(marks.of(1, "2403.10003").seen()).isNull();
    }
  }
}
