package dev.lectern.ingest.arxiv;

import static dev.lectern.ingest.arxiv.Fixtures.oai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Reply;
import dev.lectern.ingest.http.LocalHttpServer.Request;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.ingest.http.Wait;
import dev.lectern.testing.CollectingSink;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OaiPmhSourceTest {
  private final List<Wait> waits = new CopyOnWriteArrayList<>();
  private final CollectingSink sink = new CollectingSink();
  private LocalHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private PoliteHttpClient http() {
    return PoliteHttpClient.builder()
        .minDelay(Duration.ofMillis(1))
        .maxAttempts(3)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(10))
        .sleeper(d -> {}) // waits are recorded through onWait, never spent
        .onWait(waits::add)
        .build();
  }

  private OaiPmhSource source(String set, LocalDate from, LocalDate until) {
    return new OaiPmhSource(server.uri("/oai"), set, from, until, http());
  }

  private OaiPmhSource source() {
    return source(null, null, null);
  }

  private List<Request> listRecordsRequests() {
    return server.requests().stream().filter(r -> "ListRecords".equals(r.param("verb"))).toList();
  }

  @Test
  void harvestsEveryPageFollowingTheResumptionTokens() throws IOException {
    server = FakeArxiv.start();
    OaiPmhSource source = source();

    source.read(sink, null);

    assertThat(sink.ids()).containsExactlyElementsOf(FakeArxiv.ALL_IDS);
    assertThat(listRecordsRequests())
        .extracting(r -> r.param("resumptionToken"))
        .containsExactly(null, FakeArxiv.TOKEN_2, FakeArxiv.TOKEN_3, FakeArxiv.TOKEN_4);
    assertThat(sink.notes).contains("1 deleted records skipped");
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void announcesTheNextPagesTokenAsCheckpointAfterEachPage() throws IOException {
    server = FakeArxiv.start();

    source().read(sink, null);

    assertThat(sink.checkpoints)
        .containsExactly(
            "2008-12-13|" + FakeArxiv.TOKEN_2,
            "2013-10-15|" + FakeArxiv.TOKEN_3,
            "2013-10-15|" + FakeArxiv.TOKEN_4);
  }

  @Test
  void reportsTheLatestDatestampSeenForTheNextIncrementalHarvest() throws IOException {
    server = FakeArxiv.start();
    OaiPmhSource source = source();
    assertThat(source.latestDatestamp()).isEmpty();

    source.read(sink, null);

    assertThat(source.latestDatestamp()).contains(LocalDate.of(2013, 10, 15));
  }

  @Test
  void asksForArxivMetadataWithSetAndDatesAfterCheckingTheSet() throws IOException {
    server = FakeArxiv.start();

    source("physics:hep-th", LocalDate.of(2007, 4, 1), LocalDate.of(2007, 4, 30)).read(sink, null);

    assertThat(server.requests())
        .extracting(r -> r.param("verb"))
        .startsWith("ListSets", "ListSets", "ListRecords");
    Request first = listRecordsRequests().getFirst();
    assertThat(first.params())
        .containsEntry("metadataPrefix", "arXiv")
        .containsEntry("set", "physics:hep-th")
        .containsEntry("from", "2007-04-01")
        .containsEntry("until", "2007-04-30");
    assertThat(listRecordsRequests().subList(1, listRecordsRequests().size()))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.params().keySet())
                    .containsExactlyInAnyOrder("verb", "resumptionToken"));
  }

  @Test
  void rejectsAnUnknownSetListingTheSetsThatExist() throws IOException {
    server = FakeArxiv.start();

    assertThatThrownBy(() -> source("cs.AI", null, null).read(sink, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("there is no set 'cs.AI'")
        .hasMessageContaining("cs (Computer Science)")
        .hasMessageContaining(
            "physics:hep-th (High Energy Physics - Theory)"); // from ListSets' second page
    assertThat(listRecordsRequests()).isEmpty();
  }

  @Test
  void waitsOutA503WithRetryAfterAndCarriesOn() throws IOException {
    AtomicBoolean busy = new AtomicBoolean(true);
    server =
        LocalHttpServer.start(
            (req, s) ->
                FakeArxiv.asksFor(req, FakeArxiv.TOKEN_2) && busy.getAndSet(false)
                    ? Reply.withHeader(503, "Retry-After", "5")
                    : FakeArxiv.answer(req));

    source().read(sink, null);

    assertThat(sink.ids()).containsExactlyElementsOf(FakeArxiv.ALL_IDS);
    assertThat(waits)
        .filteredOn(w -> w.reason() == Wait.Reason.RETRY_AFTER)
        .singleElement()
        .extracting(Wait::duration)
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void noRecordsMatchIsAnEmptySuccessfulHarvest() throws IOException {
    server =
        LocalHttpServer.start(
            (req, s) ->
                "ListRecords".equals(req.param("verb"))
                    ? Reply.ok(oai("no-records-match.xml"))
                    : FakeArxiv.answer(req));
    OaiPmhSource source = source("cs", LocalDate.of(2030, 1, 1), null);

    source.read(sink, null);

    assertThat(sink.papers()).isEmpty();
    assertThat(sink.rejected).isEmpty();
    assertThat(sink.notes).singleElement().asString().startsWith("no records to harvest");
    assertThat(source.latestDatestamp()).isEmpty();
  }

  @Test
  void rejectsMalformedRecordsAndImportsTheRestOfThePage() throws IOException {
    server =
        LocalHttpServer.start(
            (req, s) ->
                "ListRecords".equals(req.param("verb"))
                    ? Reply.ok(oai("listrecords-malformed-records.xml"))
                    : FakeArxiv.answer(req));

    source("cs", null, null).read(sink, null);

    assertThat(sink.ids()).containsExactly("0704.0002", "0704.0213");
    assertThat(sink.rejected)
        .hasSize(3)
        .allSatisfy(
            r ->
                assertThat(r.location())
                    .startsWith(
                        server.uri("/oai?verb=ListRecords&metadataPrefix=arXiv&set=cs").toString()
                            + "#record "));
  }

  @Test
  void retriesAPageWhoseConnectionDropped() throws IOException {
    AtomicInteger drops = new AtomicInteger(2);
    server =
        LocalHttpServer.start(
            (req, s) ->
                FakeArxiv.asksFor(req, FakeArxiv.TOKEN_3) && drops.getAndDecrement() > 0
                    ? Reply.drop()
                    : FakeArxiv.answer(req));

    source().read(sink, null);

    assertThat(sink.ids()).containsExactlyElementsOf(FakeArxiv.ALL_IDS);
    assertThat(listRecordsRequests())
        .filteredOn(r -> FakeArxiv.asksFor(r, FakeArxiv.TOKEN_3))
        .hasSize(3);
  }

  @Test
  void fetchesATruncatedPageOnceMore() throws IOException {
    AtomicBoolean cut = new AtomicBoolean(true);
    String page1 = oai("listrecords-page1.xml");
    server =
        LocalHttpServer.start(
            (req, s) ->
                "ListRecords".equals(req.param("verb"))
                        && req.param("resumptionToken") == null
                        && cut.getAndSet(false)
                    ? Reply.ok(
                        page1.substring(
                            0, page1.length() / 2)) // a complete HTTP response with half a document
                    : FakeArxiv.answer(req));

    source().read(sink, null);

    assertThat(sink.ids())
        .containsExactlyElementsOf(FakeArxiv.ALL_IDS); // page 1 delivered once, not twice
  }

  @Test
  void aPageThatStaysTruncatedStopsTheHarvestNamingThePage() throws IOException {
    String page1 = oai("listrecords-page1.xml");
    server = LocalHttpServer.start((req, s) -> Reply.ok(page1.substring(0, page1.length() / 2)));

    assertThatThrownBy(() -> source().read(sink, null))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("verb=ListRecords")
        .hasMessageContaining("not well-formed");
    assertThat(sink.papers()).isEmpty();
  }

  @Test
  void followsTheRedirectFromTheOldEndpoint() throws IOException {
    server =
        LocalHttpServer.start(
            (req, s) ->
                req.path().equals("/oai2")
                    ? new Reply.Response(
                        301,
                        java.util.Map.of("Location", s.uri("/oai?" + req.rawQuery()).toString()),
                        "")
                    : FakeArxiv.answer(req));

    new OaiPmhSource(server.uri("/oai2"), null, null, null, http()).read(sink, null);

    assertThat(sink.ids()).containsExactlyElementsOf(FakeArxiv.ALL_IDS);
  }

  @Test
  void resumesFromTheCheckpointOfAnInterruptedHarvest() throws IOException {
    AtomicBoolean down = new AtomicBoolean(true);
    server =
        LocalHttpServer.start(
            (req, s) ->
                FakeArxiv.asksFor(req, FakeArxiv.TOKEN_3) && down.get()
                    ? Reply.status(500, "Internal Server Error")
                    : FakeArxiv.answer(req));
    assertThatThrownBy(() -> source().read(sink, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("3 attempts");
    String saved = sink.lastCheckpoint();
    assertThat(sink.ids()).hasSize(6);

    down.set(false);
    int before = server.requests().size();
    CollectingSink second = new CollectingSink();
    OaiPmhSource resumed = source();
    resumed.read(second, saved);

    assertThat(server.requests().subList(before, server.requests().size()))
        .extracting(r -> r.param("resumptionToken"))
        .containsExactly(FakeArxiv.TOKEN_3, FakeArxiv.TOKEN_4);
    assertThat(second.ids()).containsExactlyElementsOf(FakeArxiv.ALL_IDS.subList(6, 10));
    assertThat(second.notes).anyMatch(n -> n.contains("resuming"));
    // pages 3 and 4 alone are older than page 2; the checkpoint carried page 2's date over
    assertThat(resumed.latestDatestamp()).contains(LocalDate.of(2013, 10, 15));
  }

  @Test
  void restartsFromTheBeginningWhenTheSavedTokenExpired() throws IOException {
    server = FakeArxiv.start();

    source().read(sink, "2008-12-13|expired-token");

    assertThat(sink.notes)
        .anyMatch(n -> n.contains("expired-token expired; restarting the harvest"));
    assertThat(sink.ids()).containsExactlyElementsOf(FakeArxiv.ALL_IDS);
  }

  @Test
  void anyOtherOaiErrorStopsTheHarvestWithItsCodeAndMessage() throws IOException {
    server = LocalHttpServer.start((req, s) -> Reply.ok(oai("bad-argument.xml")));

    assertThatThrownBy(() -> source().read(sink, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("badArgument")
        .hasMessageContaining("Illegal argument 'from'");
  }

  @Test
  void theCheckpointKeyNamesTheHarvest() {
    URI base = URI.create("https://oaipmh.arxiv.org/oai");
    var a = new OaiPmhSource(base, "cs", LocalDate.of(2024, 1, 1), null, http());
    var same = new OaiPmhSource(base, "cs", LocalDate.of(2024, 1, 1), null, http());
    var other = new OaiPmhSource(base, "math", LocalDate.of(2024, 1, 1), null, http());

    assertThat(a.checkpointKey())
        .isEqualTo("harvest:arxiv-oai:https://oaipmh.arxiv.org/oai:cs:2024-01-01:-")
        .isEqualTo(same.checkpointKey())
        .isNotEqualTo(other.checkpointKey());
    assertThat(a.name()).isEqualTo("arxiv-oai");
    assertThat(a.input())
        .isEqualTo(
            "https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXiv&set=cs"
                + "&from=2024-01-01");
  }

  @Test
  void refusesADateRangeThatEndsBeforeItStarts() {
    assertThatThrownBy(
            () ->
                new OaiPmhSource("cs", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), http()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-02-01");
  }
}
