package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.index.LuceneIndex;
import dev.lectern.ingest.arxiv.FakeArxiv;
import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports and harvests while another process (a running {@code lectern serve}) holds the search
 * index. Lucene's write lock is per directory, so a second index open on the same directory in this
 * JVM is refused exactly as in another process.
 */
class CliIndexInUseTest {
  private static final String NOTE =
      "index: open in another Lectern process; a running `lectern serve` "
          + "indexes these papers within seconds";

  @TempDir Path dir;
  private Path data;
  private PaperLibrary library;

  @BeforeEach
  void library() {
    data = dir.resolve("data");
    library = new PaperLibrary(Database.openEmbedded(data));
  }

  private LuceneIndex holdTheIndex() {
    return LuceneIndex.open(data.resolve("index"), library, OnnxBgeEmbedder.MODEL_ID);
  }

  private static String sample() throws Exception {
    return Path.of(CliIndexInUseTest.class.getResource("/arxiv/snapshot-sample.jsonl").toURI())
        .toString();
  }

  @Test
  void anImportWhileTheIndexIsHeldElsewhereKeepsThePapersSaysSoAndSucceeds() throws Exception {
    try (LuceneIndex held = holdTheIndex()) {
      Cli r = Cli.run(data, "import", "arxiv-snapshot", sample());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("papers: 3").contains(NOTE);
      assertThat(r.err()).doesNotContain("\tat ");
      assertThat(library.count()).isEqualTo(3);

      assertThat(held.size()).as("the holder has not looked yet").isZero();
      held.sync(); // what serve does within seconds
      assertThat(held.size()).isEqualTo(3);
    }
  }

  @Test
  void aHarvestWhileTheIndexIsHeldElsewhereSucceedsToo() throws Exception {
    try (LuceneIndex held = holdTheIndex();
        LocalHttpServer arxiv = FakeArxiv.start()) {
      Cli r =
          Cli.run(
              data,
              "harvest",
              "arxiv",
              "--base-url",
              arxiv.uri("/oai").toString(),
              "--set",
              "cs",
              "--from",
              "2007-04-01",
              "--delay",
              "0s");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("papers: 10").contains(NOTE);
    }
  }

  @Test
  void aSearchWhileTheIndexIsHeldElsewhereReadsWhatTheHolderLastCommitted() throws Exception {
    try (LuceneIndex held = holdTheIndex()) {
      assertThat(Cli.run(data, "import", "arxiv-snapshot", sample()).code()).isZero();
      Cli before = Cli.run(data, "search", "--mode", "lexical", "--json", "the");
      assertThat(before.code()).as(before.err()).isZero();
      assertThat(before.out()).as("the holder has not synced yet").contains("\"total\" : 0");

      held.sync(); // what serve does within seconds, committing as it goes
      String title = library.changedSince(0, 1).getFirst().paper().title();
      Cli after = Cli.run(data, "search", "--mode", "lexical", "--json", title);
      assertThat(after.code()).as(after.err()).isZero();
      assertThat(after.out()).contains(library.changedSince(0, 1).getFirst().paper().id());
    }
  }

  @Test
  void embeddingWhileTheIndexIsHeldElsewhereLeavesItToTheHolderAndComputesNothing()
      throws Exception {
    assertThat(Cli.run(data, "import", "--no-index", "arxiv-snapshot", sample()).code()).isZero();
    try (LuceneIndex held = holdTheIndex()) {
      Cli r = Cli.run(data, "embed");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("open in another Lectern process").doesNotContain("\tat ");
      assertThat(library.embeddings().pendingCount(OnnxBgeEmbedder.MODEL_ID)).isEqualTo(3);
    }
  }

  @Test
  void onceTheHolderIsGoneTheNextImportIndexesAsUsual() throws Exception {
    holdTheIndex().close();
    Cli r = Cli.run(data, "import", "arxiv-snapshot", sample());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("index: 3 papers").doesNotContain("another Lectern process");
  }
}
