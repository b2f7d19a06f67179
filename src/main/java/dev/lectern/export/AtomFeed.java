package dev.lectern.export;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.store.PaperDays.Dated;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jdom2.Verifier;

/**
 * A list of papers as an Atom 1.0 feed (RFC 4287), written by ROME. Each entry is a paper: its
 * title and abstract as letters ({@code Gr\"obner} is Gröbner; math stays as written, Atom text
 * cannot render it), its authors and categories, a link to its page on this Lectern and one to
 * arXiv. An entry's id is the paper's arXiv URL, the id arXiv's own feeds give it, or a {@code
 * tag:} URI of Lectern's id for a paper without one, so a reader recognises a paper it has shown
 * before, whichever feed brings it.
 */
public final class AtomFeed {
  /** The tag URIs' authority and date (RFC 4151): fixed, so ids never change. */
  static final String TAG = "tag:lectern,2024:";

  /**
   * What the feed is.
   *
   * @param id the feed's stable id, a tag: URI made with {@link #tagId}
   * @param selfUrl where this feed is fetched, absolute
   * @param pageUrl the web page it follows, absolute
   * @param paperUrl a paper's page on this Lectern, absolute, from its id
   */
  public record Spec(
      String title, String id, String selfUrl, String pageUrl, UnaryOperator<String> paperUrl) {}

  private AtomFeed() {}

  /** A stable id for a feed from what names it (e.g. "search?q=graph"). */
  public static String tagId(String name) {
    return TAG + name;
  }

  /**
   * The feed's XML. Its updated time is the newest entry's (so an unchanged list reads as
   * unchanged), or {@code emptyUpdated} when there is no entry.
   */
  public static String write(Spec spec, List<Dated> papers, LocalDate emptyUpdated) {
    Feed feed = new Feed("atom_1.0");
    feed.setTitle(xml(spec.title()));
    feed.setId(xml(spec.id()));
    feed.setAlternateLinks(List.of(link("alternate", spec.pageUrl(), "text/html")));
    feed.setOtherLinks(List.of(link("self", spec.selfUrl(), "application/atom+xml")));
    Generator generator = new Generator();
    generator.setValue("Lectern");
    feed.setGenerator(generator);
    Person lectern = new Person();
    lectern.setName("Lectern"); // entries without authors take the feed's, which Atom requires
    feed.setAuthors(List.of(lectern));
    List<Entry> entries = new ArrayList<>(papers.size());
    for (Dated d : papers) entries.add(entry(spec, d));
    feed.setEntries(entries);
    feed.setUpdated(
        entries.stream()
            .map(Entry::getUpdated)
            .max(Comparator.naturalOrder())
            .orElse(date(emptyUpdated)));
    try {
      return new WireFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
    }
  }

  private static Entry entry(Spec spec, Dated d) {
    Paper p = d.paper();
    Entry e = new Entry();
    e.setId(xml(p.hasArxivId() ? "https://arxiv.org/abs/" + p.id() : tagId("paper/" + p.id())));
    e.setTitle(xml(Latex.toUnicode(p.title())));
    List<SyndPerson> authors = new ArrayList<>();
    for (String name : p.authors()) {
      Person person = new Person();
      person.setName(xml(Latex.toUnicode(name)));
      authors.add(person);
    }
    e.setAuthors(authors);
    e.setAlternateLinks(List.of(link("alternate", spec.paperUrl().apply(p.id()), "text/html")));
    if (p.hasArxivId()) {
      e.setOtherLinks(
          List.of(
              link("related", "https://arxiv.org/abs/" + p.id(), "text/html"),
              link("related", "https://arxiv.org/pdf/" + p.id(), "application/pdf")));
    }
    if (!p.abstractText().isEmpty()) {
      Content summary = new Content();
      summary.setType(Content.TEXT);
      summary.setValue(xml(Latex.toUnicode(p.abstractText())));
      e.setSummary(summary);
    }
    List<Category> categories = new ArrayList<>();
    for (String c : p.categories()) {
      Category category = new Category();
      category.setTerm(xml(c));
      categories.add(category);
    }
    e.setCategories(categories);
    if (p.submitted() != null) e.setPublished(date(p.submitted()));
    e.setUpdated(date(Objects.requireNonNullElse(p.updated(), d.day())));
    return e;
  }

  private static Link link(String rel, String href, String type) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(xml(href));
    link.setType(type);
    return link;
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * The text without the characters XML 1.0 cannot hold (most control characters, lone surrogates),
   * which a hostile source could send and the XML writer would refuse.
   */
  static String xml(String text) {
    if (text == null) return null;
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      boolean ok = Verifier.isXMLCharacter(cp); // lone surrogates are not XML characters
      if (!ok && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
      if (out != null && ok) out.appendCodePoint(cp);
      i += n;
    }
    return out == null ? text : out.toString();
  }
}
