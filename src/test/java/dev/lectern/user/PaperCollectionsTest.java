package dev.lectern.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.MutableClock;
import dev.lectern.testing.TestLibrary;
import dev.lectern.user.PaperCollections.Added;
import dev.lectern.user.PaperCollections.Collection;
import dev.lectern.user.PaperMarks.Mark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named collections with notes on a real SQLite library; another user's are out of reach. */
class PaperCollectionsTest {
  static final long ADA = 1;
  static final long BOB = 2;

  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2024-03-13T10:00:00Z"));
  PaperMarks marks;
  PaperCollections collections;

  @BeforeEach
  void library() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    TestLibrary.write(
        library,
        PaperMarksTest.paper("2403.00001"),
        PaperMarksTest.paper("2403.00002"),
        PaperMarksTest.paper("2403.00003"));
    marks = new PaperMarks(library, clock);
    collections = new PaperCollections(library, marks, clock);
  }

  @Test
  void createRenameAddNoteRemoveDelete() {
    Collection c = collections.create(ADA, "  Reading group ");
    assertThat(c.name()).isEqualTo("Reading group");
    assertThat(collections.add(ADA, c.id(), "2403.00001")).isEqualTo(Added.ADDED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(collections.add(ADA, c.id(), "2403.00002")).isEqualTo(Added.ADDED);
    assertThat(collections.add(ADA, c.id(), "2403.00002")).isEqualTo(Added.ADDED); // again: no-op
    assertThat(collections.add(ADA, c.id(), "9999.99999")).isEqualTo(Added.NO_PAPER);
    assertThat(collections.note(ADA, c.id(), "2403.00001", " why it matters ")).isTrue();

    var page = collections.papers(ADA, c.id(), 0, 10);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items())
        .extracting(e -> e.paper().id())
        .containsExactly("2403.00002", "2403.00001");
    assertThat(page.items()).extracting(e -> e.note()).containsExactly(null, "why it matters");
    // a paper added to a collection is saved; taken out, it stays saved
    assertThat(marks.of(ADA, "2403.00002").saved()).isTrue();
    assertThat(collections.remove(ADA, c.id(), "2403.00002")).isTrue();
    assertThat(collections.remove(ADA, c.id(), "2403.00002")).isFalse();
    assertThat(marks.of(ADA, "2403.00002").saved()).isTrue();
    assertThat(collections.holding(ADA, "2403.00001"))
        .extracting(Collection::name)
        .containsExactly("Reading group");

    assertThat(collections.rename(ADA, c.id(), "Thesis")).isTrue();
    assertThat(collections.list(ADA))
        .extracting(Collection::name, Collection::papers)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Thesis", 1));
    assertThat(collections.delete(ADA, c.id())).isTrue();
    assertThat(collections.list(ADA)).isEmpty();
    assertThat(collections.papers(ADA, c.id(), 0, 10).items()).isEmpty();
  }

  @Test
  void namesAndNotesAreChecked() {
    collections.create(ADA, "Thesis");
    assertThatThrownBy(() -> collections.create(ADA, "thesis"))
        .hasMessageContaining("already have");
    assertThatThrownBy(() -> collections.create(ADA, "  ")).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> collections.create(ADA, "x".repeat(101)))
        .hasMessageContaining("at most 100");
    long id = collections.create(ADA, "Other").id();
    assertThatThrownBy(() -> collections.rename(ADA, id, "Thesis"))
        .isInstanceOf(UserDataException.class);
    assertThat(collections.rename(ADA, id, "other")).isTrue(); // its own name, in other letters
    collections.add(ADA, id, "2403.00001");
    assertThatThrownBy(() -> collections.note(ADA, id, "2403.00001", "n".repeat(2001)))
        .hasMessageContaining("at most 2000");
    // another user may use the same name
    assertThat(collections.create(BOB, "Thesis").name()).isEqualTo("Thesis");
  }

  @Test
  void anotherUsersCollectionIsOutOfReach() {
    long bobs = collections.create(BOB, "Bob's").id();
    collections.add(BOB, bobs, "2403.00001");
    collections.note(BOB, bobs, "2403.00001", "private");

    assertThat(collections.list(ADA)).isEmpty();
    assertThat(collections.get(ADA, bobs)).isEmpty();
    assertThat(collections.holding(ADA, "2403.00001")).isEmpty();
    assertThat(collections.papers(ADA, bobs, 0, 10).items()).isEmpty();
    assertThat(collections.add(ADA, bobs, "2403.00002")).isEqualTo(Added.NO_COLLECTION);
    assertThat(collections.note(ADA, bobs, "2403.00001", "mine")).isFalse();
    assertThat(collections.remove(ADA, bobs, "2403.00001")).isFalse();
    assertThat(collections.rename(ADA, bobs, "Ada's")).isFalse();
    assertThat(collections.delete(ADA, bobs)).isFalse();
    assertThat(marks.of(ADA, "2403.00002").saved()).isFalse();

    var bob = collections.papers(BOB, bobs, 0, 10);
    assertThat(bob.items()).extracting(e -> e.note()).containsExactly("private");
    assertThat(collections.get(BOB, bobs).map(Collection::name)).contains("Bob's");
    assertThat(marks.list(ADA, Mark.SAVED, 0, 10).total()).isZero();
  }
}
