package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.app.Settings;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.LibraryContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code bench}, {@code eval} and {@code eval-recs} command leaves the library it is given as
 * it was: its papers, its embeddings and its index. {@code bench search} once wrote synthetic
 * vectors into the user's library.
 */
class CliBenchLeavesLibraryTest {
  @TempDir Path dir;
  Path data;

  @BeforeEach
  void importAndEmbedTheSample() throws Exception {
    data = dir.resolve("data");
    Cli.importSample(data);
    Cli embedded = Cli.run(data, "embed");
    assertThat(embedded.code()).as(embedded.err()).isZero();
    // and one paper not embedded yet, for which bench search makes a synthetic vector
    Path late = dir.resolve("late.jsonl");
    Files.writeString(
        late,
        "{\"id\":\"2402.00001\",\"title\":\"Graph attention for late arrivals\","
            + "\"abstract\":\"Attention over graphs.\",\"categories\":\"cs.LG\",\"authors\":\"A. Late\"}\n");
    Cli imported = Cli.run(data, "import", "arxiv-snapshot", late.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
  }

  @Test
  void benchSearchWorksOnACopyAndChangesNothing() throws Exception {
    String before = state();
    Cli r =
        Cli.run(data, "bench", "search", "--queries", "2", "--warmup", "0", "--warmup-papers", "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("scratch library", "synthetic vectors: 1 added");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aNamedScratchLibraryIsKeptAndReusedWithItsIndex() throws Exception {
    String before = state();
    Path scratch = dir.resolve("scratch");
    Cli first =
        Cli.run(
            data,
            "bench",
            "search",
            "--scratch",
            scratch.toString(),
            "--queries",
            "1",
            "--warmup",
            "0",
            "--warmup-papers",
            "0");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(scratch.resolve("library.db")).exists();
    Cli again =
        Cli.run(
            data,
            "bench",
            "search",
            "--scratch",
            scratch.toString(),
            "--keep-index",
            "--queries",
            "1",
            "--warmup",
            "0",
            "--warmup-papers",
            "0");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out())
        .contains(
            "reusing the scratch library", "existing index kept", "synthetic vectors: 0 added");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aScratchDirectoryThatHoldsSomethingElseIsRefused() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    Cli r = Cli.run(data, "bench", "search", "--scratch", other.toString(), "--queries", "1");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("neither empty nor a scratch library");
    assertThat(other)
        .isDirectoryNotContaining(p -> !p.getFileName().toString().equals("notes.txt"));
  }

  @Test
  void benchEmbedAndEvalChangeNothing() throws Exception {
    String before = state();
    Cli embed = Cli.run(data, "bench", "embed", "--limit", "4", "--queries", "2", "--threads", "1");
    assertThat(embed.code()).as(embed.err()).isZero();
    Cli eval =
        Cli.run(
            data,
            "eval",
            "--queries",
            "../shared/eval/queries-dev.tsv",
            "--qrels",
            "../shared/eval/qrels-dev.tsv");
    assertThat(eval.code()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("hybrid");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void benchDigestMakesItsUsersOnACopyAndChangesNothing() throws Exception {
    String before = state();
    Cli r = Cli.run(data, "bench", "digest", "--users", "2", "--saved", "1", "--warmup", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("scratch library", "3 users made", "weekly digests of 2 users", "per user: p50");
    assertThat(state()).isEqualTo(before);
    try (Database db = Database.openEmbedded(data);
        var c = db.connect();
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM subscriptions")) {
      assertThat(rs.getInt(1)).as("saved searches and follows in the user's library").isZero();
    }
  }

  @Test
  void evalRecsWorksOnItsOwnScratchLibraryAndChangesNothing() throws Exception {
    String before = state();
    // two small pages (the first papers of two sample pages), a small snapshot, and --dismissals
    Path a = dir.resolve("a.txt"), b = dir.resolve("b.txt");
    Files.write(a, firstLines("page-a.txt", 30));
    Files.write(b, firstLines("page-b.txt", 30));
    Path snapshot = dev.lectern.testing.SyntheticSnapshot.write(dir.resolve("snapshot.jsonl"), 20);
    Cli r =
        Cli.run(
            data,
            "eval-recs",
            "--pages",
            a.toString(),
            b.toString(),
            "--snapshot",
            snapshot.toString(),
            "--users",
            "3",
            "--dismissals");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("topics", "temporal", "lectern", "day 2 after");
    assertThat(state()).isEqualTo(before);
  }

  private static List<String> firstLines(String page, int n) throws Exception {
    return Files.readAllLines(Path.of("..", "shared", "corpus", "hf-papers", page)).subList(0, n);
  }

  /** Papers, embeddings and every index file's bytes (the lock file aside). */
  private String state() throws Exception {
    var library = new PaperLibrary(Database.openEmbedded(data));
    String papers = LibraryContent.digest(library);
    String vectors = LibraryContent.embeddingsDigest(library);
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(data.resolve("index"))) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals("write.lock"))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update(Files.readAllBytes(f));
    }
    assertThat(files).as("the index in " + Settings.DATA_DIR).isNotEmpty();
    return papers + " " + vectors + " " + HexFormat.of().formatHex(md.digest());
  }
}
