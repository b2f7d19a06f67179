package dev.lectern.ingest.arxiv;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.paper.Text;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OAI-PMH responses carrying arXiv's own metadata format ({@code metadataPrefix=arXiv}) with
 * StAX. A page is parsed whole before any record is handed on, so a page that turns out truncated
 * can be fetched again without importing half of it twice. A record that cannot become a {@link
 * Paper} is rejected with its reason; the rest of the page still comes in.
 */
public final class ArxivOaiParser {
  public static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
  public static final String ARXIV_NS = "http://arxiv.org/OAI/arXiv/";

  /** The source name recorded on harvested papers. */
  public static final String SOURCE = "arxiv-oai";

  private final XMLInputFactory factory;

  public ArxivOaiParser() {
    factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    // a harvested page has no business pulling in DTDs or external entities
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /**
   * Parses a ListRecords response.
   *
   * @param location where the page came from (its URL); records are located as {@code
   *     location#record N}
   * @throws MalformedResponseException when the text is not a well-formed OAI-PMH document
   */
  public OaiPage parseRecords(String xml, String location) throws MalformedResponseException {
    List<OaiPage.Entry> entries = new ArrayList<>();
    int deleted = 0;
    int recordNo = 0;
    LocalDate latest = null;
    ResumptionToken token = null;
    OaiError error = null;
    XMLStreamReader r = open(xml, location);
    try {
      requireOaiRoot(r, location);
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT || !OAI_NS.equals(r.getNamespaceURI()))
          continue;
        switch (r.getLocalName()) {
          case "error" -> error = error != null ? error : readError(r);
          case "resumptionToken" -> token = readToken(r);
          case "record" -> {
            RecordFields f = readRecord(r);
            String at = location + "#record " + ++recordNo;
            latest = later(latest, f.datestamp());
            if (f.deleted) {
              deleted++;
            } else {
              entries.add(toEntry(f, at));
            }
          }
          default -> {}
        }
      }
      return new OaiPage(entries, deleted, token, error, latest);
    } catch (XMLStreamException e) {
      throw malformed(location, e);
    } finally {
      close(r);
    }
  }

  /** Parses a ListSets response. */
  public SetsPage parseSets(String xml, String location) throws MalformedResponseException {
    List<OaiSet> sets = new ArrayList<>();
    ResumptionToken token = null;
    OaiError error = null;
    XMLStreamReader r = open(xml, location);
    try {
      requireOaiRoot(r, location);
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT || !OAI_NS.equals(r.getNamespaceURI()))
          continue;
        switch (r.getLocalName()) {
          case "error" -> error = error != null ? error : readError(r);
          case "resumptionToken" -> token = readToken(r);
          case "set" -> sets.add(readSet(r));
          default -> {}
        }
      }
      return new SetsPage(sets, token, error);
    } catch (XMLStreamException e) {
      throw malformed(location, e);
    } finally {
      close(r);
    }
  }

  private XMLStreamReader open(String xml, String location) throws MalformedResponseException {
    try {
      return factory.createXMLStreamReader(new StringReader(xml));
    } catch (XMLStreamException e) {
      throw malformed(location, e);
    }
  }

  /** An HTML error page or some other XML is not an answer to an OAI-PMH request. */
  private static void requireOaiRoot(XMLStreamReader r, String location)
      throws XMLStreamException, MalformedResponseException {
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {}
    if (!r.isStartElement()
        || !OAI_NS.equals(r.getNamespaceURI())
        || !"OAI-PMH".equals(r.getLocalName())) {
      String found =
          r.isStartElement()
              ? "<" + r.getLocalName() + "> in namespace '" + r.getNamespaceURI() + "'"
              : "no element at all";
      throw new MalformedResponseException(
          location
              + " is not an OAI-PMH response: expected <OAI-PMH> in "
              + OAI_NS
              + ", found "
              + found,
          null);
    }
  }

  private static OaiError readError(XMLStreamReader r) throws XMLStreamException {
    String code = r.getAttributeValue(null, "code");
    return new OaiError(code == null ? "unknown" : code, Text.clean(text(r)));
  }

  private static ResumptionToken readToken(XMLStreamReader r) throws XMLStreamException {
    Long cursor = longAttr(r, "cursor");
    Long size = longAttr(r, "completeListSize");
    return new ResumptionToken(text(r), cursor, size);
  }

  private static OaiSet readSet(XMLStreamReader r) throws XMLStreamException {
    String spec = null;
    String name = null;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "setSpec" -> spec = Text.clean(text(r));
          case "setName" -> name = Text.clean(text(r));
          default -> depth++;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return new OaiSet(spec == null ? "" : spec, name);
  }

  /** What one {@code <record>} says, read without judging it yet. */
  private static final class RecordFields {
    boolean deleted;
    boolean hasArxivMetadata;
    String identifier;
    String datestamp;
    String id;
    String created;
    String updated;
    String title;
    String abstractText;
    String categories;
    String comments;
    String journalRef;
    String doi;
    String license;
    final List<String> authors = new ArrayList<>();

    LocalDate datestamp() {
      if (datestamp == null || datestamp.length() < 10) return null;
      try {
        // datestamps have day granularity on arXiv; a repository with seconds granularity adds a
        // time
        return LocalDate.parse(datestamp.substring(0, 10));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  /** Reads from the {@code <record>} start tag to its end tag. */
  private static RecordFields readRecord(XMLStreamReader r) throws XMLStreamException {
    RecordFields f = new RecordFields();
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        if (!readField(r, f))
          depth++; // a container (header, metadata, arXiv, authors) or something unknown
      }
    }
    return f;
  }

  /**
   * Reads the element at the cursor into {@code f} when it is a field; false when it is a
   * container.
   */
  private static boolean readField(XMLStreamReader r, RecordFields f) throws XMLStreamException {
    String ns = r.getNamespaceURI();
    String name = r.getLocalName();
    if (OAI_NS.equals(ns)) {
      switch (name) {
        case "header" -> {
          f.deleted = "deleted".equals(r.getAttributeValue(null, "status"));
          return false;
        }
        case "identifier" -> f.identifier = Text.clean(text(r));
        case "datestamp" -> f.datestamp = Text.clean(text(r));
        default -> {
          return false;
        }
      }
      return true;
    }
    if (!ARXIV_NS.equals(ns)) return false;
    switch (name) {
      case "arXiv" -> {
        f.hasArxivMetadata = true;
        return false;
      }
      case "author" -> f.authors.add(readAuthor(r));
      case "id" -> f.id = text(r);
      case "created" -> f.created = text(r);
      case "updated" -> f.updated = text(r);
      case "title" -> f.title = text(r);
      case "abstract" -> f.abstractText = text(r);
      case "categories" -> f.categories = text(r);
      case "comments" -> f.comments = text(r);
      case "journal-ref" -> f.journalRef = text(r);
      case "doi" -> f.doi = text(r);
      case "license" -> f.license = text(r);
      case "authors" -> {
        return false;
      }
      default -> text(r); // report-no, msc-class, acm-class, proxy: not kept
    }
    return true;
  }

  /** "Forenames Keyname Suffix", the order a reader writes a name in. */
  private static String readAuthor(XMLStreamReader r) throws XMLStreamException {
    String keyname = null;
    String forenames = null;
    String suffix = null;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "keyname" -> keyname = text(r);
          case "forenames" -> forenames = text(r);
          case "suffix" -> suffix = text(r);
          default -> text(r); // affiliation
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    StringBuilder name = new StringBuilder();
    for (String part : new String[] {forenames, keyname, suffix}) {
      String p = Text.cleanOrNull(part);
      if (p != null) name.append(name.isEmpty() ? "" : " ").append(p);
    }
    return name.toString();
  }

  /**
   * The text inside the element at the cursor (nested markup flattened), leaving the cursor on its
   * end.
   */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      switch (r.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            sb.append(r.getText());
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> {}
      }
    }
    return sb.toString();
  }

  /** Judges a record: a paper, or the reason it cannot be one. */
  private static OaiPage.Entry toEntry(RecordFields f, String at) {
    String which = f.identifier == null ? "the record" : "record " + f.identifier;
    if (!f.hasArxivMetadata) {
      return new OaiPage.Entry.Rejected(
          at,
          which
              + " has no arXiv metadata (<arXiv xmlns=\""
              + ARXIV_NS
              + "\">); harvest with metadataPrefix=arXiv");
    }
    String rawId = Text.cleanOrNull(f.id);
    if (rawId == null)
      return new OaiPage.Entry.Rejected(at, which + " has no <id> in its arXiv metadata");
    String id = PaperIds.normalizeArxivId(rawId);
    if (id == null)
      return new OaiPage.Entry.Rejected(at, which + ": '" + rawId + "' is not an arXiv id");
    String title = Text.cleanOrNull(f.title);
    if (title == null) return new OaiPage.Entry.Rejected(at, "arXiv " + id + " has no title");
    LocalDate created;
    LocalDate updated;
    try {
      created = date(f.created, "created");
      updated = date(f.updated, "updated");
    } catch (IllegalArgumentException e) {
      return new OaiPage.Entry.Rejected(at, "arXiv " + id + ": " + e.getMessage());
    }
    Paper paper =
        new Paper(
            id,
            title,
            Text.clean(f.abstractText),
            List.copyOf(nonBlank(f.authors)),
            categories(f.categories),
            created,
            updated,
            0,
            Text.cleanOrNull(f.doi),
            Text.cleanOrNull(f.journalRef),
            Text.cleanOrNull(f.comments),
            Text.cleanOrNull(f.license),
            null,
            Set.of(SOURCE));
    return new OaiPage.Entry.Accepted(paper, at);
  }

  private static LocalDate date(String raw, String field) {
    String s = Text.cleanOrNull(raw);
    if (s == null) return null;
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "<" + field + "> '" + s + "' is not a date like 2007-04-02");
    }
  }

  /** Whitespace-separated, primary first, each once. */
  private static List<String> categories(String raw) {
    String s = Text.cleanOrNull(raw);
    return s == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(s.split(" "))));
  }

  private static List<String> nonBlank(List<String> names) {
    return names.stream().filter(n -> !n.isEmpty()).toList();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    if (a == null) return b;
    return b == null || !b.isAfter(a) ? a : b;
  }

  private static Long longAttr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    if (v == null || v.isBlank()) return null;
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return null; // informational attributes; a bad one must not cost the page
    }
  }

  private static MalformedResponseException malformed(String location, XMLStreamException e) {
    var loc = e.getLocation();
    String where =
        loc == null ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
    return new MalformedResponseException(
        location
            + " is not well-formed OAI-PMH XML"
            + where
            + " (truncated or not XML): "
            + e.getMessage(),
        e);
  }

  private static void close(XMLStreamReader r) {
    try {
      r.close();
    } catch (XMLStreamException ignored) {
      // closing a reader over a string frees nothing that matters
    }
  }
}
