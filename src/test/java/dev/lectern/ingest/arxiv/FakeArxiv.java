package dev.lectern.ingest.arxiv;

import static dev.lectern.ingest.arxiv.Fixtures.oai;

import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Reply;
import dev.lectern.ingest.http.LocalHttpServer.Request;
import java.util.List;
import java.util.Map;

/**
 * Answers like arXiv's OAI-PMH endpoint from the recorded fixtures: ListSets in two pages,
 * ListRecords in four pages of 3 + 4 (one of them deleted) + 2 + 2 records, an expired token for
 * any token it does not know.
 */
public final class FakeArxiv {
  static final String TOKEN_2 = "6960524|1001";
  static final String TOKEN_3 = "6960524|2001";
  static final String TOKEN_4 = "6960524|3001";

  /** The 10 live papers of the four pages, in order. */
  static final List<String> ALL_IDS =
      List.of(
          "0704.0001",
          "0704.0002",
          "0704.0003",
          "0704.0004",
          "0704.0005",
          "0704.0006",
          "0704.0007",
          "0704.0008",
          "0704.0009",
          "0704.0010");

  private static final Map<String, String> PAGES =
      Map.of(
          TOKEN_2,
          "listrecords-page2.xml",
          TOKEN_3,
          "listrecords-page3.xml",
          TOKEN_4,
          "listrecords-page4.xml");

  private FakeArxiv() {}

  /** The reply arXiv would give to this request. */
  static Reply answer(Request req) {
    String verb = req.param("verb");
    if ("ListSets".equals(verb)) {
      return Reply.ok(
          oai(req.param("resumptionToken") == null ? "listsets-page1.xml" : "listsets-page2.xml"));
    }
    if (!"ListRecords".equals(verb)) return Reply.ok(oai("bad-argument.xml"));
    String token = req.param("resumptionToken");
    if (token == null) return Reply.ok(oai("listrecords-page1.xml"));
    String page = PAGES.get(token);
    return Reply.ok(oai(page == null ? "bad-resumption-token.xml" : page));
  }

  /** What {@link #answer} replies, for handlers in other packages. */
  public static Reply reply(Request req) {
    return answer(req);
  }

  /** arXiv's reply to a harvest whose window holds no records. */
  public static String noRecordsMatch() {
    return Fixtures.oai("no-records-match.xml");
  }

  /** A server that answers everything as arXiv would. */
  public static LocalHttpServer start() throws java.io.IOException {
    return LocalHttpServer.start((req, s) -> answer(req));
  }

  /** Whether this request asks for the page after {@code token}. */
  static boolean asksFor(Request req, String token) {
    return token.equals(req.param("resumptionToken"));
  }
}
