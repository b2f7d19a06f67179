package dev.lectern.web;

import dev.lectern.app.Background;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.ingest.arxiv.ArxivRecords;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.ForYou;
import dev.lectern.search.SearchService;
import dev.lectern.testing.SyntheticSnapshot;
import dev.lectern.testing.TestLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running Lectern web server on a free port over a real library and index: the three sample
 * pages, a small generated arXiv snapshot (1-3 January 2024) and a few hand-made papers with
 * upvotes on 12-14 March 2024, one of them hostile. The background work is not started (no
 * embedding), so searches run by words.
 */
final class WebFixture implements AutoCloseable {
  static final LocalDate DAY = LocalDate.of(2024, 3, 13);
  static final String HOSTILE_ID = "2403.09999";
  static final String HOSTILE_TITLE = "<script>alert(1)</script> & <b>bold</b> attention";
  static final String OLD_STYLE_ID = "hep-th/9901001";

  final Lectern lectern;
  final WebServer server;

  private WebFixture(Lectern lectern, WebServer server) {
    this.lectern = lectern;
    this.server = server;
  }

  static WebFixture start(Path dataDir) {
    return start(dataDir, new Paper[0]);
  }

  /** The same library with more papers in it. */
  static WebFixture start(Path dataDir, Paper... more) {
    return start(dataDir, null, more);
  }

  /** The same library, fetching imported papers it lacks from {@code arxiv} (null: none). */
  static WebFixture start(Path dataDir, ArxivRecords arxiv, Paper... more) {
    Lectern lectern =
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
    try {
      for (String page : List.of("page-a.txt", "page-b.txt", "page-c.txt"))
        TestLibrary.importHfPage(lectern.library(), page);
      TestLibrary.importSnapshot(
          lectern.library(), SyntheticSnapshot.write(dataDir.resolve("snapshot.jsonl"), 40));
      TestLibrary.write(lectern.library(), handMade().toArray(Paper[]::new));
      if (more.length > 0) TestLibrary.write(lectern.library(), more);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return serve(lectern, arxiv);
  }

  /** A server over whatever the library holds (nothing, for an empty library). */
  static WebFixture serve(Lectern lectern) {
    return serve(lectern, null);
  }

  /**
   * A server on a given port, for a test whose settings must name the server's address before it
   * starts (the base of the links in a digest).
   */
  static WebFixture serve(Lectern lectern, int port) {
    return serve(lectern, null, port);
  }

  private static WebFixture serve(Lectern lectern, ArxivRecords arxiv) {
    return serve(lectern, arxiv, 0);
  }

  private static WebFixture serve(Lectern lectern, ArxivRecords arxiv, int port) {
    Background background = new Background(lectern, Duration.ofSeconds(5), Background.Events.QUIET);
    SearchService search = lectern.search(true);
    WebServer server =
        WebServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            search,
            lectern.library(),
            background,
            new WebServer.People(
                lectern.accounts(),
                ForYou.Settings.defaults(),
                lectern.digests(search),
                arxiv,
                lectern.publicUrl()));
    return new WebFixture(lectern, server);
  }

  static WebFixture empty(Path dataDir) {
    return serve(
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString()))));
  }

  /**
   * On {@link #DAY}: 2403.01111 (5 upvotes), 2403.02222 (50), 2403.03333 (none), and the hostile
   * paper (1).
   */
  static List<Paper> handMade() {
    return List.of(
        paper(
            "2403.01111",
            "Sparse attention for long documents",
            "We make attention sparse for long documents.",
            List.of("Ada Lovelace", "Charles Babbage"),
            "cs.CL",
            DAY,
            5),
        paper(
            "2403.02222",
            "Retrieval heads in long-context transformers",
            "Attention heads that retrieve facts "
                + "from long inputs, studied across model families.",
            List.of("Grace Hopper"),
            "cs.CL",
            DAY,
            50),
        paper(
            "2403.03333",
            "A survey of graph transformers",
            "Graph transformers surveyed, with attention.",
            List.of("Alan Turing"),
            "cs.LG",
            DAY,
            null),
        new Paper(
            HOSTILE_ID,
            HOSTILE_TITLE,
            "An abstract with <img src=x onerror=alert(2)> and \"quotes\" & "
                + "ampersands about attention.",
            List.of("<i>Eve</i> Mallory"),
            List.of("cs.CR"),
            DAY,
            null,
            1,
            "10.1000/<x>",
            "J. <script>Hack</script>",
            "\"><script>alert(3)</script>",
            "javascript:alert(4)",
            1,
            Set.of("test")),
        paper(
            "2403.00500",
            "A paper of the day before",
            "Submitted on the twelfth, about attention.",
            List.of("Emmy Noether"),
            "math.RA",
            DAY.minusDays(1),
            3),
        paper(
            "2403.04444",
            "A paper of the day after",
            "Submitted on the fourteenth, about attention.",
            List.of("Emmy Noether"),
            "math.RA",
            DAY.plusDays(1),
            7),
        paper(
            OLD_STYLE_ID,
            "Graph transformers on the string landscape",
            "We study graph transformers and " + "attention on the landscape of string vacua.",
            // a name as a snapshot's author string writes it, in LaTeX
            List.of("Ada Lovelace", "Kurt G\\\"odel"),
            "hep-th",
            LocalDate.of(1999, 1, 4),
            null));
  }

  private static Paper paper(
      String id,
      String title,
      String abstractText,
      List<String> authors,
      String category,
      LocalDate day,
      Integer upvotes) {
    return TestLibrary.paper(id, title, abstractText, authors, List.of(category), day, upvotes);
  }

  URI uri() {
    return server.uri();
  }

  @Override
  public void close() {
    server.close();
    lectern.close();
  }
}
