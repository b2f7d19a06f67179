package dev.lectern.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.paper.Latex;
import dev.lectern.paper.PaperIds;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.ParseException;

/**
 * Reads what a user brings to import: pasted arXiv ids and links, a BibTeX file (jbibtex) or a
 * CSL-JSON file (Zotero's export, Jackson). Each entry becomes a wanted paper (an arXiv id, a
 * title, or both) or an unreadable entry that says where it is and why.
 */
public final class ImportSources {
  /** Enough for a large reference library; a bound keeps one import's work short. */
  public static final int MAX_ENTRIES = 2_000;

  /** A paper the user wants, by arXiv id (without version) or title; {@code where} locates it. */
  public record Wanted(String where, String arxivId, String title) {
    /** What to call it in a report: the arXiv id, else the title. */
    public String label() {
      return arxivId != null ? arxivId : title;
    }
  }

  /** An entry that names no paper Lectern can look for. */
  public record Unreadable(String where, String why) {}

  /** What a source held. */
  public record Entries(List<Wanted> wanted, List<Unreadable> unreadable) {}

  /** An arXiv DOI: 10.48550/arXiv.2404.15574. */
  private static final Pattern ARXIV_DOI =
      Pattern.compile("10\\.48550/arxiv\\.(.+)", Pattern.CASE_INSENSITIVE);

  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportSources() {}

  /** Pasted text: arXiv ids or links, separated by spaces, commas or lines. */
  public static Entries text(String text) {
    Entries out = new Entries(new ArrayList<>(), new ArrayList<>());
    String[] lines = (text == null ? "" : text).split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      for (String token : SEPARATORS.split(lines[i].strip())) {
        // links pasted from mail or markdown come wrapped: <https://...>, (https://...)
        String t = token.replaceAll("^[<(\\[\"']+|[>)\\]\"'.]+$", "");
        if (t.isEmpty()) continue;
        String where = "line " + (i + 1);
        String id = PaperIds.normalizeArxivId(t);
        if (id != null) add(out, new Wanted(where, id, null));
        else
          out.unreadable()
              .add(new Unreadable(where, "'" + cut(t) + "' is not an arXiv id or link"));
      }
    }
    return out;
  }

  /**
   * A BibTeX file: each entry by its eprint, an arXiv url or DOI, else its title. A file that will
   * not parse whole is read entry by entry (each from a line starting with {@code @}), so one
   * broken entry costs only itself.
   */
  public static Entries bibtex(String bibtex) {
    Entries out = new Entries(new ArrayList<>(), new ArrayList<>());
    try {
      addEntries(out, parse(bibtex));
    } catch (ParseException | RuntimeException whole) {
      List<String> lines = bibtex.lines().toList();
      List<Integer> starts = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++)
        if (lines.get(i).stripLeading().startsWith("@")) starts.add(i);
      if (starts.size() < 2) {
        out.unreadable()
            .add(new Unreadable("the file", "not BibTeX: " + firstLine(whole.getMessage())));
        return out;
      }
      starts.add(lines.size());
      for (int k = 0; k + 1 < starts.size(); k++) {
        String chunk = String.join("\n", lines.subList(starts.get(k), starts.get(k + 1)));
        try {
          addEntries(out, parse(chunk));
        } catch (ParseException | RuntimeException e) {
          out.unreadable()
              .add(
                  new Unreadable(
                      "the entry at line " + (starts.get(k) + 1),
                      "not BibTeX: " + firstLine(e.getMessage())));
        }
      }
    }
    return out;
  }

  private static BibTeXDatabase parse(String bibtex) throws ParseException {
    return new BibTeXParser().parse(new StringReader(bibtex));
  }

  private static void addEntries(Entries out, BibTeXDatabase db) {
    for (Map.Entry<Key, BibTeXEntry> e : db.getEntries().entrySet()) {
      String where = "entry " + e.getKey().getValue();
      BibTeXEntry entry = e.getValue();
      String eprint = field(entry, "eprint");
      String prefix = field(entry, "archivePrefix");
      String id = null;
      if (eprint != null && (prefix == null || prefix.equalsIgnoreCase("arxiv")))
        id = PaperIds.normalizeArxivId(eprint);
      if (id == null) id = arxivOfLink(field(entry, "url"));
      if (id == null) id = arxivOfDoi(field(entry, "doi"));
      String title = printed(field(entry, "title"));
      if (id == null && title == null)
        out.unreadable().add(new Unreadable(where, "no arXiv id, arXiv link or title"));
      else add(out, new Wanted(where, id, title));
    }
  }

  /** A CSL-JSON file (an array of items): by URL, DOI or number (arXiv id), else title. */
  public static Entries cslJson(String json) {
    Entries out = new Entries(new ArrayList<>(), new ArrayList<>());
    JsonNode items;
    try {
      items = JSON.readTree(json);
    } catch (IOException e) {
      out.unreadable().add(new Unreadable("the file", "not JSON: " + firstLine(e.getMessage())));
      return out;
    }
    if (items == null || !items.isArray()) {
      out.unreadable().add(new Unreadable("the file", "not CSL-JSON: it holds no list of items"));
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String where =
          "item " + (i + 1) + (item.hasNonNull("id") ? " (" + item.get("id").asText() + ")" : "");
      String id = arxivOfLink(text(item, "URL"));
      if (id == null) id = arxivOfDoi(text(item, "DOI"));
      if (id == null) id = PaperIds.normalizeArxivId(text(item, "number"));
      String title = text(item, "title");
      if (id == null && title == null)
        out.unreadable().add(new Unreadable(where, "no arXiv id, arXiv link or title"));
      else add(out, new Wanted(where, id, title));
    }
    return out;
  }

  /** A file by its name's ending: .json is CSL-JSON, anything else BibTeX. */
  public static Entries file(String name, String content) {
    return name != null && name.toLowerCase(Locale.ROOT).endsWith(".json")
        ? cslJson(content)
        : bibtex(content);
  }

  private static void add(Entries out, Wanted w) {
    if (out.wanted().size() >= MAX_ENTRIES) {
      if (out.wanted().size() == MAX_ENTRIES)
        out.unreadable()
            .add(
                new Unreadable(
                    w.where(),
                    "past the first " + MAX_ENTRIES + " papers: import the rest separately"));
      return;
    }
    out.wanted().add(w);
  }

  /** The arXiv id of an arXiv link, null for any other link. */
  private static String arxivOfLink(String url) {
    if (url == null || !url.toLowerCase(Locale.ROOT).contains("arxiv.org/")) return null;
    return PaperIds.normalizeArxivId(url);
  }

  private static String arxivOfDoi(String doi) {
    if (doi == null) return null;
    Matcher m = ARXIV_DOI.matcher(doi.strip().replaceFirst("(?i)^https?://(dx\\.)?doi\\.org/", ""));
    return m.matches() ? PaperIds.normalizeArxivId(m.group(1)) : null;
  }

  private static String field(BibTeXEntry entry, String name) {
    var v = entry.getField(new Key(name));
    if (v == null) return null;
    String s = v.toUserString().strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * A BibTeX title's LaTeX as text ({@code {G}r\"obner} is Gröbner, {@code \emph{x}} is x), by the
   * decoder arXiv's titles go through, so a title key made from it matches theirs (math stays as
   * written in both).
   */
  private static String printed(String latex) {
    if (latex == null) return null;
    String text = Latex.toUnicode(latex).replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  private static String text(JsonNode item, String name) {
    JsonNode v = item.get(name);
    if (v == null || !v.isValueNode()) return null;
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String cut(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : cut(message.lines().findFirst().orElse(message));
  }
}
