package dev.lectern.ingest.arxiv;

import static dev.lectern.ingest.arxiv.Fixtures.oai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.ingest.arxiv.OaiPage.Entry;
import dev.lectern.paper.Paper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArxivOaiParserTest {
  private static final String URL =
      "https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXiv";
  private final ArxivOaiParser parser = new ArxivOaiParser();

  private static List<Paper> papers(OaiPage page) {
    return page.entries().stream()
        .map(e -> e instanceof Entry.Accepted a ? a.paper() : null)
        .filter(p -> p != null)
        .toList();
  }

  @Test
  void readsEveryFieldOfAnArxivRecord() throws Exception {
    OaiPage page = parser.parseRecords(oai("listrecords-page1.xml"), URL);

    Paper p = papers(page).getFirst();
    assertThat(p)
        .isEqualTo(
            new Paper(
                "0704.0001",
                "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
                "A fully differential calculation in perturbative quantum chromodynamics is presented for the "
                    + "production of massive photon pairs at hadron colliders. All next-to-leading order perturbative "
                    + "contributions from quark-antiquark, gluon-(anti)quark, and gluon-gluon subprocesses are "
                    + "included, as well as all-orders resummation of initial-state gluon radiation valid at "
                    + "next-to-next-to-leading logarithmic accuracy.",
                List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"),
                List.of("hep-ph"),
                LocalDate.of(2007, 4, 2),
                LocalDate.of(2007, 7, 24),
                0,
                "10.1103/PhysRevD.76.013009",
                "Phys.Rev.D76:013009,2007",
                "37 pages, 15 figures; published version",
                null,
                null,
                Set.of("arxiv-oai")));
    assertThat(page.entries().getFirst().location()).isEqualTo(URL + "#record 1");
  }

  @Test
  void keepsCategoryOrderWithThePrimaryFirstAndTheLicense() throws Exception {
    Paper p = papers(parser.parseRecords(oai("listrecords-page1.xml"), URL)).get(1);

    assertThat(p.categories()).containsExactly("math.CO", "cs.CG");
    assertThat(p.primaryCategory()).isEqualTo("math.CO");
    assertThat(p.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    assertThat(p.abstractText()).contains("the $(k,\\ell)$-pebble game");
  }

  @Test
  void keepsLatexAndLeavesMissingOptionalFieldsNull() throws Exception {
    Paper p = papers(parser.parseRecords(oai("listrecords-page2.xml"), URL)).get(1);

    assertThat(p.id()).isEqualTo("0704.0005");
    assertThat(p.title()).isEqualTo("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");
    assertThat(p.updated()).isNull();
    assertThat(p.doi()).isNull();
    assertThat(p.versions()).isZero();
    assertThat(p.upvotes()).isNull();
  }

  @Test
  void writesAuthorsAsForenamesKeynameSuffixIgnoringAffiliations() throws Exception {
    Paper p = papers(parser.parseRecords(oai("listrecords-page4.xml"), URL)).getFirst();

    assertThat(p.authors())
        .containsExactly("Paul Harvey", "Bruno Merin", "Tracy L. Huard", "Neal J. Evans II");
  }

  @Test
  void readsTheResumptionTokenWithItsCursorAndListSize() throws Exception {
    OaiPage page = parser.parseRecords(oai("listrecords-page1.xml"), URL);

    assertThat(page.resumptionToken()).isEqualTo(new ResumptionToken("6960524|1001", 0L, 10L));
    assertThat(page.nextToken()).isEqualTo("6960524|1001");
  }

  @Test
  void anEmptyResumptionTokenMarksTheLastPage() throws Exception {
    OaiPage page = parser.parseRecords(oai("listrecords-page4.xml"), URL);

    assertThat(page.resumptionToken().isLast()).isTrue();
    assertThat(page.nextToken()).isNull();
  }

  @Test
  void skipsDeletedRecordsCountingThemAndTheirDatestamps() throws Exception {
    OaiPage page = parser.parseRecords(oai("listrecords-page2.xml"), URL);

    assertThat(papers(page))
        .extracting(Paper::id)
        .containsExactly("0704.0004", "0704.0005", "0704.0006");
    assertThat(page.deleted()).isEqualTo(1);
    assertThat(page.entries())
        .extracting(Entry::location)
        .containsExactly(URL + "#record 1", URL + "#record 3", URL + "#record 4");
    assertThat(page.latestDatestamp()).isEqualTo(LocalDate.of(2013, 10, 15));
  }

  @Test
  void rejectsMalformedRecordsWithReasonAndLocationAndKeepsTheRest() throws Exception {
    OaiPage page = parser.parseRecords(oai("listrecords-malformed-records.xml"), URL);

    assertThat(papers(page)).extracting(Paper::id).containsExactly("0704.0002", "0704.0213");
    assertThat(page.entries())
        .filteredOn(e -> e instanceof Entry.Rejected)
        .map(e -> (Entry.Rejected) e)
        .satisfiesExactly(
            r -> {
              assertThat(r.location()).isEqualTo(URL + "#record 2");
              assertThat(r.reason()).isEqualTo("arXiv 0704.0046 has no title");
            },
            r -> {
              assertThat(r.location()).isEqualTo(URL + "#record 3");
              assertThat(r.reason()).contains("0704.0062", "<created> '2007-31-04' is not a date");
            },
            r -> {
              assertThat(r.location()).isEqualTo(URL + "#record 4");
              assertThat(r.reason())
                  .isEqualTo("record oai:arXiv.org:0704.0098 has no <id> in its arXiv metadata");
            });
  }

  @Test
  void rejectsARecordInAnotherMetadataFormat() throws Exception {
    String dc =
        oai("listrecords-page4.xml")
            .replace("http://arxiv.org/OAI/arXiv/", "http://www.openarchives.org/OAI/2.0/oai_dc/");

    OaiPage page = parser.parseRecords(dc, URL);

    assertThat(page.entries())
        .allSatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        Entry.Rejected.class,
                        r ->
                            assertThat(r.reason())
                                .contains("no arXiv metadata", "metadataPrefix=arXiv")));
  }

  @Test
  void readsAnOaiErrorInsteadOfRecords() throws Exception {
    OaiPage page = parser.parseRecords(oai("no-records-match.xml"), URL);

    assertThat(page.entries()).isEmpty();
    assertThat(page.error().code()).isEqualTo("noRecordsMatch");
    assertThat(page.error().message()).startsWith("The combination of the values");
  }

  @Test
  void aTruncatedPageIsMalformedNamingWhereItCameFrom() {
    String xml = oai("listrecords-page1.xml");
    String cut = xml.substring(0, xml.length() / 2);

    assertThatThrownBy(() -> parser.parseRecords(cut, URL))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(URL)
        .hasMessageContaining("not well-formed");
  }

  @Test
  void anHtmlPageIsNotAnOaiResponse() {
    String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

    assertThatThrownBy(() -> parser.parseRecords(html, URL))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("is not an OAI-PMH response")
        .hasMessageContaining("<html>");
  }

  @Test
  void readsSetsWithTheirNames() throws Exception {
    SetsPage page = parser.parseSets(oai("listsets-page1.xml"), URL);

    assertThat(page.sets()).first().isEqualTo(new OaiSet("cs", "Computer Science"));
    assertThat(page.sets()).hasSize(4);
    assertThat(page.nextToken()).isEqualTo("sets|4");
    assertThat(parser.parseSets(oai("listsets-page2.xml"), URL).nextToken()).isNull();
  }
}
