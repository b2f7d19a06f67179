package dev.lectern.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.MutableClock;
import dev.lectern.testing.TestLibrary;
import dev.lectern.user.ImportSources.Entries;
import dev.lectern.user.ImportSources.Wanted;
import dev.lectern.user.PaperImport.Line;
import dev.lectern.user.PaperImport.Report;
import dev.lectern.user.PendingImports.Pending;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports of pasted ids, BibTeX and CSL-JSON into a collection, on a real SQLite library. */
class PaperImportTest {
  static final long ADA = 1;
  static final long BOB = 2;

  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2024-03-13T10:00:00Z"));
  PaperLibrary library;
  PaperCollections collections;
  PendingImports pending;
  PaperImport imports;

  @BeforeEach
  void library() {
    library = new PaperLibrary(Database.openEmbedded(dir));
    TestLibrary.write(
        library,
        PaperMarksTest.paper("2404.15574"),
        PaperMarksTest.paper("hep-th/9901001"),
        TestLibrary.paper(
            "2403.00003",
            "Gröbner bases for sparse systems",
            "x",
            List.of("A"),
            List.of("math.AC"),
            PaperMarksTest.DAY,
            null));
    collections = new PaperCollections(library, new PaperMarks(library, clock), clock);
    pending = new PendingImports(library, collections, clock);
    imports = new PaperImport(collections, pending);
  }

  @Test
  void pastedIdsAndLinksInEveryForm() {
    Entries e =
        ImportSources.text(
            "https://arxiv.org/abs/2404.15574v2, arXiv:hep-th/9901001v1\n"
                + "<https://arxiv.org/pdf/2501.00001v3.pdf>\n\n"
                + "https://arxiv.org/html/2404.15574v1?x=1 not-an-id");
    assertThat(e.wanted())
        .extracting(Wanted::arxivId)
        .containsExactly("2404.15574", "hep-th/9901001", "2501.00001", "2404.15574");
    assertThat(e.unreadable())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.where()).isEqualTo("line 4");
              assertThat(u.why()).contains("'not-an-id'");
            });

    Report r = imports.run(ADA, "Reading", e);
    assertThat(r.collection().name()).isEqualTo("Reading");
    assertThat(r.added()).extracting(Line::paperId).containsExactly("2404.15574", "hep-th/9901001");
    assertThat(r.pending()).extracting(Line::label).containsExactly("2501.00001");
    assertThat(r.already()).isEmpty(); // the same paper twice in one paste is one paper
    assertThat(r.unreadable()).hasSize(1);
    assertThat(r.collection().papers()).isEqualTo(2);
    assertThat(pending.of(ADA, r.collection().id()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.arxivId()).isEqualTo("2501.00001");
              assertThat(p.reason()).isEqualTo(PaperImport.NOT_YET);
            });
    assertThat(pending.of(BOB, r.collection().id())).isEmpty();

    // again, into the same collection whatever the case of its name: already there, still pending
    Report again = imports.run(ADA, "reading", ImportSources.text("2404.15574 2501.00001"));
    assertThat(again.collection().id()).isEqualTo(r.collection().id());
    assertThat(again.already()).extracting(Line::paperId).containsExactly("2404.15574");
    assertThat(again.pending()).hasSize(1);
    assertThat(pending.of(ADA, r.collection().id())).hasSize(1);
  }

  @Test
  void bibtexByEprintUrlDoiOrTitle() {
    String bib =
        """
        @article{byEprint, title={Ignored}, eprint={2404.15574v1}, archivePrefix={arXiv}}
        @misc{byUrl, title={X}, url={https://arxiv.org/abs/hep-th/9901001}}
        @article{byTitle, title={{G}r\\"obner Bases for Sparse   Systems}, doi={10.1000/xyz}}
        @article{byDoi, title={Not here}, doi={10.48550/arXiv.2502.00002}}
        @book{nothing, author={Nobody}}
        @article{unknownTitle, title={A paper nobody harvested}}
        """;
    Entries e = ImportSources.bibtex(bib);
    assertThat(e.unreadable())
        .singleElement()
        .satisfies(u -> assertThat(u.where()).isEqualTo("entry nothing"));
    Report r = imports.run(ADA, "Thesis", e);
    assertThat(r.added())
        .extracting(Line::paperId)
        .containsExactly("2404.15574", "hep-th/9901001", "2403.00003");
    assertThat(r.pending())
        .extracting(Line::label)
        .containsExactly("2502.00002", "A paper nobody harvested");
    assertThat(pending.of(ADA, r.collection().id()))
        .extracting(Pending::title)
        .containsExactly("Not here", "A paper nobody harvested");

    assertThat(ImportSources.bibtex("@article{broken, title={unclosed").unreadable())
        .singleElement()
        .satisfies(u -> assertThat(u.why()).startsWith("not BibTeX"));
  }

  /** One broken entry costs only itself; titles decode as arXiv's do (QA, session 13). */
  @Test
  void aBrokenEntryLeavesTheOthersAndTitlesDecodeTheirLatex() {
    String bib =
        """
        @article{good, title={A {\\'E}tude on \\emph{Schr\\"odinger} operators $\\alpha$-stable}}
        @misc{other, eprint={2404.15574}}

        @broken{
        """;
    Entries e = ImportSources.bibtex(bib);
    assertThat(e.wanted())
        .extracting(ImportSources.Wanted::title)
        .containsExactly("A Étude on Schrödinger operators $\\alpha$-stable", null);
    assertThat(e.unreadable())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.where()).isEqualTo("the entry at line 4");
              assertThat(u.why()).startsWith("not BibTeX");
            });
  }

  @Test
  void zoteroCslJson() {
    String json =
        """
        [{"id":"a","type":"article","title":"Ignored","URL":"http://arxiv.org/abs/2404.15574v3"},
         {"id":"b","type":"article","title":"X","number":"arXiv:hep-th/9901001"},
         {"id":"c","type":"article-journal","title":"Gröbner bases for sparse systems"},
         {"id":"d","type":"article","DOI":"10.48550/arXiv.2502.00002"},
         {"id":"e","type":"book"}]
        """;
    Entries e = ImportSources.file("My Library.json", json);
    assertThat(e.unreadable())
        .singleElement()
        .satisfies(u -> assertThat(u.where()).isEqualTo("item 5 (e)"));
    Report r = imports.run(ADA, "Zotero", e);
    assertThat(r.added())
        .extracting(Line::paperId)
        .containsExactly("2404.15574", "hep-th/9901001", "2403.00003");
    assertThat(r.pending()).extracting(Line::label).containsExactly("2502.00002");
    assertThat(ImportSources.cslJson("{\"not\":\"a list\"}").unreadable()).hasSize(1);
  }

  @Test
  void aPendingPaperJoinsItsCollectionOnceTheLibraryHasIt() {
    Report r = imports.run(ADA, "Later", ImportSources.text("2502.00002"));
    assertThat(pending.settle(null)).isZero();
    TestLibrary.write(library, PaperMarksTest.paper("2502.00002"));
    assertThat(pending.settle(null)).isEqualTo(1);
    assertThat(pending.of(ADA, r.collection().id())).isEmpty();
    assertThat(collections.papers(ADA, r.collection().id(), 0, 10).items())
        .extracting(x -> x.paper().id())
        .containsExactly("2502.00002");
  }

  @Test
  void aTitleIsFoundWithItsLatexDecodedElseSaysItCannotBeFetched() {
    String json =
        """
        [{"id":"a","type":"article","title":"GR\\\\\\\"OBNER bases -- for sparse systems!"},
         {"id":"b","type":"article","title":"A paper nobody harvested"},
         {"id":"c","type":"article","URL":"https://arxiv.org/abs/2502.00002"}]
        """;
    Report r = imports.run(ADA, "Titles", ImportSources.cslJson(json));
    assertThat(r.added()).extracting(Line::paperId).containsExactly("2403.00003");
    assertThat(r.pending())
        .extracting(Line::label, Line::reason)
        .containsExactly(
            tuple("A paper nobody harvested", PaperImport.NO_ARXIV_ID),
            tuple("2502.00002", PaperImport.NOT_YET));
    assertThat(pending.of(ADA, r.collection().id()))
        .extracting(Pending::id, Pending::reason)
        .containsExactly(
            tuple(r.pending().get(0).pendingId(), PaperImport.NO_ARXIV_ID),
            tuple(r.pending().get(1).pendingId(), PaperImport.NOT_YET));
  }

  /** The library holds arXiv's LaTeX title, the reference manager the decoded one. */
  @Test
  void aDecodedTitleFindsThePaperWhoseArxivTitleIsInLatex() {
    assertTheImportedTitleFindsTheStoredOne(
        "Solitons of the nonlinear Schr\\\"odinger equation",
        "Solitons of the Nonlinear Schrödinger Equation");
  }

  /** Letters NFKD leaves whole (ø, ł, ß) fold too: the file spells the title without them. */
  @Test
  void anUnaccentedTitleFindsThePaperWithLettersNfkdLeavesWhole() {
    assertTheImportedTitleFindsTheStoredOne(
        "S{\\o}ren's lemma for \\L{}ukasiewicz logic on the Straße",
        "Soren's Lemma for Lukasiewicz Logic on the Strasse");
  }

  private void assertTheImportedTitleFindsTheStoredOne(String stored, String imported) {
    TestLibrary.write(
        library,
        TestLibrary.paper(
            "2403.00004", stored, "x", List.of("A"), List.of("math.AP"), PaperMarksTest.DAY, null));
    String json = "[{\"id\":\"a\",\"type\":\"article\",\"title\":\"" + imported + "\"}]";
    Report r = imports.run(ADA, "Titles", ImportSources.cslJson(json));
    assertThat(r.added()).extracting(Line::paperId).containsExactly("2403.00004");
    assertThat(r.pending()).isEmpty();
  }

  @Test
  void onlyItsOwnerRemovesAPendingPaperFromItsCollection() {
    Report r = imports.run(ADA, "Later", ImportSources.text("2502.00002 2502.00003"));
    long collection = r.collection().id();
    long first = r.pending().get(0).pendingId();
    long bobs = collections.create(BOB, "Bob's").id();
    assertThat(pending.remove(BOB, collection, first)).isFalse();
    assertThat(pending.remove(BOB, bobs, first)).isFalse();
    assertThat(pending.remove(ADA, bobs, first)).isFalse();
    assertThat(pending.of(ADA, collection)).hasSize(2);
    assertThat(pending.remove(ADA, collection, first)).isTrue();
    assertThat(pending.remove(ADA, collection, first)).isFalse();
    assertThat(pending.of(ADA, collection))
        .extracting(Pending::arxivId)
        .containsExactly("2502.00003");
  }
}
