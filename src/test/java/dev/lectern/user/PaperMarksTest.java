package dev.lectern.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.MutableClock;
import dev.lectern.testing.TestLibrary;
import dev.lectern.user.PaperCollections.Added;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.PaperMarks.Marked;
import dev.lectern.user.PaperMarks.State;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Votes, saves, dismissals and seen papers on a real SQLite library, one user's at a time. */
class PaperMarksTest {
  static final long ADA = 1;
  static final long BOB = 2;
  static final LocalDate DAY = LocalDate.of(2024, 3, 13);

  @TempDir Path dir;
  PaperLibrary library;
  MutableClock clock = new MutableClock(Instant.parse("2024-03-13T10:00:00Z"));
  PaperMarks marks;

  @BeforeEach
  void library() throws Exception {
    library = new PaperLibrary(Database.openEmbedded(dir));
    TestLibrary.write(library, paper("2403.00001"), paper("2403.00002"), paper("2403.00003"));
    try (Connection c = library.database().connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, name, created_at) VALUES (2, 'bob', '2024-01-01T00:00:00Z')");
    }
    marks = new PaperMarks(library, clock);
  }

  static Paper paper(String id) {
    return TestLibrary.paper(
        id, "Paper " + id, "About " + id, List.of("A"), List.of("cs.LG"), DAY, null);
  }

  @Test
  void marksAreSetOnceAndTakenOff() {
    assertThat(marks.set(ADA, "2403.00001", Mark.SAVED, true)).isPresent();
    Instant first = clock.instant();
    clock.advance(Duration.ofMinutes(5));
    marks.set(ADA, "2403.00001", Mark.SAVED, true); // a form sent twice
    marks.set(ADA, "2403.00001", Mark.VOTED, true);
    assertThat(marks.list(ADA, Mark.SAVED, 0, 10).items())
        .extracting(Marked::at)
        .containsExactly(first);
    assertThat(marks.of(ADA, "2403.00001")).isEqualTo(new State(true, true, false, null));

    marks.set(ADA, "2403.00001", Mark.SAVED, false);
    assertThat(marks.of(ADA, "2403.00001")).isEqualTo(new State(true, false, false, null));
    marks.set(ADA, "2403.00001", Mark.VOTED, false);
    assertThat(marks.of(ADA, "2403.00001")).isEqualTo(State.NONE);
    assertThat(marks.set(ADA, "9999.99999", Mark.SAVED, true)).isEmpty();
  }

  @Test
  void savedPapersListNewestFirstAPageAtATime() {
    for (String id : List.of("2403.00002", "2403.00001", "2403.00003")) {
      marks.set(ADA, id, Mark.SAVED, true);
      clock.advance(Duration.ofSeconds(1));
    }
    var page = marks.list(ADA, Mark.SAVED, 0, 2);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items())
        .extracting(m -> m.paper().id())
        .containsExactly("2403.00003", "2403.00001");
    assertThat(marks.list(ADA, Mark.SAVED, 2, 2).items())
        .extracting(m -> m.paper().id())
        .containsExactly("2403.00002");
  }

  @Test
  void oneUsersMarksNeverShowForAnother() {
    marks.set(BOB, "2403.00001", Mark.SAVED, true);
    marks.set(BOB, "2403.00002", Mark.DISMISSED, true);
    marks.set(BOB, "2403.00003", Mark.VOTED, true);
    marks.markSeen(BOB, List.of("2403.00001"));
    assertThat(marks.list(ADA, Mark.SAVED, 0, 10).total()).isZero();
    assertThat(marks.list(ADA, Mark.DISMISSED, 0, 10).total()).isZero();
    assertThat(marks.of(ADA, List.of("2403.00001", "2403.00002", "2403.00003"))).isEmpty();
    assertThat(marks.shownBefore(ADA)).isEmpty();
    // Ada taking a mark off leaves Bob's
    marks.set(ADA, "2403.00001", Mark.SAVED, false);
    assertThat(marks.of(BOB, "2403.00001").saved()).isTrue();
  }

  @Test
  void votesCountOncePerUserAcrossUsers() {
    marks.set(ADA, "2403.00001", Mark.VOTED, true);
    marks.set(ADA, "2403.00001", Mark.VOTED, true);
    marks.set(BOB, "2403.00001", Mark.VOTED, true);
    marks.set(BOB, "2403.00002", Mark.VOTED, true);
    assertThat(marks.votes(List.of("2403.00001", "2403.00002", "2403.00003")))
        .isEqualTo(Map.of("2403.00001", 2, "2403.00002", 1));
  }

  @Test
  void seenKeepsTheFirstTimeAndLeavesPapersOutOfSuggestions() {
    marks.markSeen(ADA, List.of("2403.00001", "2403.00001"));
    Instant first = clock.instant();
    clock.advance(Duration.ofDays(1));
    marks.markSeen(ADA, List.of("2403.00001"));
    marks.set(ADA, "2403.00002", Mark.DISMISSED, true);
    assertThat(marks.of(ADA, "2403.00001").seen()).isEqualTo(first);
    assertThat(marks.shownBefore(ADA)).containsExactlyInAnyOrder("2403.00001", "2403.00002");
  }

  @Test
  void marksAndCollectionsFollowAPaperThatMovesToItsArxivId() {
    String title = "First met by its title";
    String oldId = PaperIds.fromTitle(title);
    TestLibrary.write(library, Paper.of(oldId, title, "", List.of(), "hf-page"));
    PaperCollections collections = new PaperCollections(library, marks, clock);
    long reading = collections.create(ADA, "Reading").id();
    marks.set(ADA, oldId, Mark.VOTED, true);
    assertThat(collections.add(ADA, reading, oldId)).isEqualTo(Added.ADDED);
    collections.note(ADA, reading, oldId, "read first");

    TestLibrary.write(
        library,
        TestLibrary.paper(
            "2403.07777", title, "Now on arXiv.", List.of("A"), List.of("cs.DL"), DAY, null));

    assertThat(marks.of(ADA, "2403.07777")).isEqualTo(new State(true, true, false, null));
    assertThat(marks.votes(List.of("2403.07777"))).containsEntry("2403.07777", 1);
    assertThat(marks.list(ADA, Mark.SAVED, 0, 10).items())
        .extracting(m -> m.paper().id())
        .containsExactly("2403.07777");
    var entries = collections.papers(ADA, reading, 0, 10).items();
    assertThat(entries).extracting(e -> e.paper().id()).containsExactly("2403.07777");
    assertThat(entries.getFirst().note()).isEqualTo("read first");
    // the old id still names it
    marks.set(ADA, oldId, Mark.DISMISSED, true);
    assertThat(marks.of(ADA, "2403.07777").dismissed()).isTrue();
    assertThat(collections.remove(ADA, reading, oldId)).isTrue();
  }
}
