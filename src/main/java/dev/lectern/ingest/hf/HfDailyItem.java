package dev.lectern.ingest.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.paper.Text;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One item of the Daily Papers API ({@code /api/daily_papers}) as a {@link Paper}. An item wraps
 * the paper: {@code {"paper": {"id", "title", "summary", "authors": [{"name"}], "publishedAt",
 * "upvotes"}, "title", ...}}. The paper object on its own (as {@code /api/papers/{id}} returns it)
 * is accepted too. Fields of the paper win over the item's copies; unknown fields are ignored,
 * since the API grows new ones.
 */
final class HfDailyItem {
  /** Why an item cannot become a paper, in words for the user. */
  static final class Invalid extends Exception {
    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  private HfDailyItem() {}

  static Paper toPaper(JsonNode item, String source) throws Invalid {
    if (!item.isObject())
      throw new Invalid("item is " + describe(item) + ", expected a JSON object");
    JsonNode paper = item.get("paper");
    if (paper == null || paper.isNull()) {
      paper = item;
    } else if (!paper.isObject()) {
      throw new Invalid("'paper' is " + describe(paper) + ", expected a JSON object");
    }
    String title = Text.cleanOrNull(text(paper, item, "title"));
    if (title == null || Text.titleKey(title).isEmpty()) throw new Invalid("item has no title");
    String summary = Text.clean(text(paper, item, "summary"));
    return new Paper(
        id(paper, title),
        title,
        summary,
        authors(paper),
        List.of(),
        date(paper, item, "publishedAt"),
        null,
        0,
        null,
        null,
        null,
        null,
        upvotes(paper, item),
        Set.of(source));
  }

  /**
   * The arXiv id when {@code paper.id} is one, else the title id, so the paper still joins by
   * title.
   */
  private static String id(JsonNode paper, String title) throws Invalid {
    JsonNode id = paper.get("id");
    if (id != null && !id.isNull() && !id.isTextual()) {
      // A number would have lost the trailing zeros of ids like 2401.10100 already.
      throw new Invalid(
          "'paper.id' is " + describe(id) + ", expected a string such as \"2401.01234\"");
    }
    String arxiv = id == null || id.isNull() ? null : PaperIds.normalizeArxivId(id.asText());
    return arxiv != null ? arxiv : PaperIds.fromTitle(title);
  }

  private static List<String> authors(JsonNode paper) throws Invalid {
    JsonNode authors = paper.get("authors");
    if (authors == null || authors.isNull()) return List.of();
    if (!authors.isArray())
      throw new Invalid("'paper.authors' is " + describe(authors) + ", expected a list");
    List<String> names = new ArrayList<>(authors.size());
    for (JsonNode a : authors) {
      JsonNode name = a.isObject() ? a.get("name") : a;
      if (name == null || name.isNull()) continue; // an author entry without a name adds nothing
      if (!name.isTextual())
        throw new Invalid("an author name is " + describe(name) + ", expected a string");
      String clean = Text.cleanOrNull(name.asText());
      if (clean != null) names.add(clean);
    }
    return names;
  }

  private static Integer upvotes(JsonNode paper, JsonNode item) throws Invalid {
    JsonNode v = field(paper, item, "upvotes");
    if (v == null) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw new Invalid("'upvotes' is " + describe(v) + ", expected a count");
    }
    return v.intValue();
  }

  /**
   * The UTC date of an ISO instant ({@code 2024-03-12T17:58:31.000Z}); a plain date is taken as is.
   */
  private static LocalDate date(JsonNode paper, JsonNode item, String name) throws Invalid {
    String s = text(paper, item, name);
    if (Text.isBlank(s)) return null;
    try {
      if (s.length() == 10) return LocalDate.parse(s);
      if (s.endsWith("Z")) return LocalDate.ofInstant(Instant.parse(s), ZoneOffset.UTC);
      return OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeException e) {
      throw new Invalid(
          "'" + name + "' is \"" + s + "\", expected an ISO date-time like 2024-03-12T17:58:31Z");
    }
  }

  /**
   * A string field of the paper, else of the item; a value of another type is an error, not absent.
   */
  private static String text(JsonNode paper, JsonNode item, String name) throws Invalid {
    JsonNode v = field(paper, item, name);
    if (v == null) return null;
    if (!v.isTextual())
      throw new Invalid("'" + name + "' is " + describe(v) + ", expected a string");
    return v.asText();
  }

  private static JsonNode field(JsonNode paper, JsonNode item, String name) {
    JsonNode v = paper.get(name);
    if (v == null || v.isNull()) v = item.get(name);
    return v == null || v.isNull() ? null : v;
  }

  static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + HfPageLines.preview(n.asText()) + "\"";
      case NUMBER -> "the number " + n.asText();
      case BOOLEAN -> n.asText();
      case NULL, MISSING -> "null";
      default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
