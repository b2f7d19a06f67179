package dev.lectern.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.lectern.paper.Paper;
import dev.lectern.store.PaperDays.Dated;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** Atom feeds of real arXiv records and of hostile text, parsed back by ROME as a reader would. */
class AtomFeedTest {
  static final AtomFeed.Spec SPEC =
      new AtomFeed.Spec(
          "Lectern: search graph",
          AtomFeed.tagId("search?q=graph"),
          "http://127.0.0.1:8080/search.atom?q=graph",
          "http://127.0.0.1:8080/search?q=graph",
          id -> "http://127.0.0.1:8080/papers/" + id);

  static Feed parse(String xml) throws Exception {
    WireFeedInput input = new WireFeedInput();
    Feed feed = (Feed) input.build(new InputSource(new StringReader(xml)));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    return feed;
  }

  static Date date(LocalDate d) {
    return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Test
  void realRecordsAreEntriesWithLettersForLatexLinksAndStableIds() throws Exception {
    List<Dated> papers =
        RealRecords.papers().stream().map(p -> new Dated(p, p.submitted())).toList();
    Feed feed = parse(AtomFeed.write(SPEC, papers, LocalDate.of(2024, 1, 1)));
    assertThat(feed.getTitle()).isEqualTo("Lectern: search graph");
    assertThat(feed.getId()).isEqualTo("tag:lectern,2024:search?q=graph");
    assertThat(feed.getOtherLinks())
        .extracting(Link::getRel, Link::getHref)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("self", SPEC.selfUrl()));
    assertThat(feed.getAlternateLinks().getFirst().getHref()).isEqualTo(SPEC.pageUrl());
    assertThat(feed.getEntries()).hasSize(papers.size());
    Entry grobner =
        feed.getEntries().stream()
            .filter(e -> e.getId().equals("https://arxiv.org/abs/0704.0019"))
            .findFirst()
            .orElseThrow();
    assertThat(grobner.getTitle()).endsWith("based on the Gröbner basis");
    assertThat(grobner.getAlternateLinks().getFirst().getHref())
        .isEqualTo("http://127.0.0.1:8080/papers/0704.0019");
    assertThat(grobner.getOtherLinks())
        .extracting(Link::getHref)
        .containsExactly("https://arxiv.org/abs/0704.0019", "https://arxiv.org/pdf/0704.0019");
    assertThat(grobner.getAuthors().getFirst().getName()).isEqualTo("Norio Konno");
    assertThat(grobner.getSummary().getValue())
        .isEqualTo(
            "In this note we give a new method for getting a series of approximations for the"
                + " extinction probability of the one-dimensional contact process by using the"
                + " Gröbner basis.");
    assertThat(grobner.getCategories().getFirst().getTerm()).isNotBlank();
    Paper p =
        papers.stream().filter(d -> d.paper().id().equals("0704.0019")).findFirst().get().paper();
    assertThat(grobner.getUpdated()).isEqualTo(date(p.updated()));
    assertThat(grobner.getPublished()).isEqualTo(date(p.submitted()));
    Date newest = papers.stream().map(d -> date(d.paper().updated())).max(Date::compareTo).get();
    assertThat(feed.getUpdated()).isEqualTo(newest);
  }

  @Test
  void hostileTextIsTextAndCharactersXmlCannotHoldAreDropped() throws Exception {
    String title = "<script>alert(1)</script> & ]]> \u0001bell\u0007 \ud800lone";
    Paper p =
        new Paper(
            "t-hostile",
            title,
            "<img src=x onerror=alert(2)> \u0000",
            List.of(),
            List.of(),
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            Set.of("hf-page"));
    LocalDate day = LocalDate.of(2024, 3, 13);
    Feed feed = parse(AtomFeed.write(SPEC, List.of(new Dated(p, day)), day));
    Entry e = feed.getEntries().getFirst();
    assertThat(e.getTitle()).isEqualTo("<script>alert(1)</script> & ]]> bell lone");
    assertThat(e.getSummary().getValue()).isEqualTo("<img src=x onerror=alert(2)>");
    assertThat(e.getId()).isEqualTo("tag:lectern,2024:paper/t-hostile");
    assertThat(e.getUpdated()).isEqualTo(date(day));
    assertThat(e.getOtherLinks()).isEmpty();
    assertThat(feed.getAuthors().getFirst().getName()).isEqualTo("Lectern");
  }

  @Test
  void anEmptyFeedIsValidAndDatedAsTold() throws Exception {
    Feed feed = parse(AtomFeed.write(SPEC, List.of(), LocalDate.of(2024, 3, 13)));
    assertThat(feed.getEntries()).isEmpty();
    assertThat(feed.getUpdated()).isEqualTo(date(LocalDate.of(2024, 3, 13)));
  }
}
