package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejects belong to an input: a later run of the same input takes over the ones it read again. */
class ImportRunsRejectsTest {
  @TempDir Path dir;
  private PaperLibrary library;

  @BeforeEach
  void open() {
    library = new PaperLibrary(Database.openEmbedded(dir));
  }

  private long run(String input, String... rejectedLines) {
    long id = library.runs().start("arxiv-snapshot", input);
    try (PaperWriter w = library.writer(id)) {
      for (String line : rejectedLines) w.reject("f.jsonl:" + line, "missing 'id'");
      w.commit(Map.of(), new ImportCounts(rejectedLines.length, 0, 0, 0, rejectedLines.length));
    }
    return id;
  }

  private int rejectsOf(long run) {
    return library.runs().rejects(run, 100).size();
  }

  @Test
  void aResumedRunTakesOverOnlyTheRecordsItReadAgain() {
    long first =
        run("/data/f.jsonl", "10", "20", "30"); // interrupted after line 30, checkpoint at 25
    long resumed = run("/data/f.jsonl", "30", "40");
    library.runs().supersedeRejects(resumed, false);
    assertThat(library.runs().rejects(first, 100))
        .extracting(ImportRuns.Reject::location)
        .containsExactly("f.jsonl:10", "f.jsonl:20");
    assertThat(rejectsOf(resumed)).isEqualTo(2);
  }

  @Test
  void aRunThatReadTheWholeInputTakesOverEveryEarlierReject() {
    long first = run("/data/f.jsonl", "10", "20");
    long other = run("/data/g.jsonl", "10");
    long again = run("/data/f.jsonl", "20"); // line 10 was fixed meanwhile
    library.runs().supersedeRejects(again, true);
    assertThat(rejectsOf(first)).isZero();
    assertThat(rejectsOf(other)).as("another input").isEqualTo(1);
    assertThat(rejectsOf(again)).isEqualTo(1);
    assertThat(library.runs().laterRunOfTheSameInput(library.runs().find(first).orElseThrow()))
        .map(ImportRuns.Run::id)
        .contains(again);
  }
}
