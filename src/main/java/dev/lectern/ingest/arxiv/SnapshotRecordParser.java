package dev.lectern.ingest.arxiv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.paper.Text;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one arXiv snapshot record into a {@link Paper}, or says precisely what is wrong with it.
 */
final class SnapshotRecordParser {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

  Paper parse(JsonNode r) throws BadRecordException {
    if (!r.isObject())
      throw new BadRecordException("expected a JSON object, found " + r.getNodeType());
    String rawId = requiredText(r, "id");
    String id = PaperIds.normalizeArxivId(rawId);
    if (id == null) throw new BadRecordException("'id' is not an arXiv id: " + quote(rawId));
    String title = Text.clean(requiredText(r, "title"));
    if (title.isEmpty()) throw new BadRecordException("'title' is empty");
    List<LocalDate> versionDates = versionDates(r);
    LocalDate updateDate = optionalDate(r, "update_date");
    LocalDate lastVersion = versionDates.isEmpty() ? null : versionDates.getLast();
    return new Paper(
        id,
        title,
        Text.clean(optionalText(r, "abstract")),
        authors(r),
        categories(r),
        versionDates.isEmpty() ? updateDate : versionDates.getFirst(),
        lastVersion == null || (updateDate != null && updateDate.isAfter(lastVersion))
            ? updateDate
            : lastVersion,
        versionDates.size(),
        Text.cleanOrNull(optionalText(r, "doi")),
        Text.cleanOrNull(optionalText(r, "journal-ref")),
        Text.cleanOrNull(optionalText(r, "comments")),
        Text.cleanOrNull(optionalText(r, "license")),
        null,
        Set.of(SnapshotSource.NAME));
  }

  /**
   * Authors in order: from {@code authors_parsed} ([last, first, suffix]) where present, else the
   * string. arXiv gives the parsed names in Unicode ("Šrámek") but the string in LaTeX ({@code
   * \v{S}r\'amek}): the string's names are decoded, so a paper's authors read the same whichever
   * field they came from.
   */
  private static List<String> authors(JsonNode r) throws BadRecordException {
    JsonNode parsed = r.get("authors_parsed");
    if (parsed != null && !parsed.isNull()) {
      if (!parsed.isArray())
        throw new BadRecordException("'authors_parsed' must be a list, found " + describe(parsed));
      List<String> names = new ArrayList<>(parsed.size());
      for (int i = 0; i < parsed.size(); i++) {
        JsonNode a = parsed.get(i);
        if (!a.isArray() || a.isEmpty()) {
          throw new BadRecordException(
              "'authors_parsed[" + i + "]' must be a list [last, first, suffix]");
        }
        String name =
            Text.clean(
                String.join(" ", a.path(1).asText(""), a.path(0).asText(""), a.path(2).asText("")));
        if (!name.isEmpty()) names.add(name);
      }
      return names;
    }
    String authors = Text.clean(optionalText(r, "authors"));
    if (authors == null || authors.isEmpty()) return List.of();
    return Arrays.stream(authors.split(",\\s*|\\s+and\\s+"))
        .map(name -> Text.clean(Latex.toUnicode(name)))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static List<String> categories(JsonNode r) throws BadRecordException {
    String cats = Text.clean(optionalText(r, "categories"));
    return cats == null || cats.isEmpty() ? List.of() : Arrays.asList(cats.split(" "));
  }

  private static List<LocalDate> versionDates(JsonNode r) throws BadRecordException {
    JsonNode versions = r.get("versions");
    if (versions == null || versions.isNull()) return List.of();
    if (!versions.isArray())
      throw new BadRecordException("'versions' must be a list, found " + describe(versions));
    List<LocalDate> dates = new ArrayList<>(versions.size());
    for (int i = 0; i < versions.size(); i++) {
      String created = versions.get(i).path("created").asText(null);
      if (created == null)
        throw new BadRecordException("'versions[" + i + "]' has no 'created' date");
      try {
        dates.add(ZonedDateTime.parse(created, RFC_1123).toLocalDate());
      } catch (DateTimeParseException e) {
        throw new BadRecordException(
            "'versions["
                + i
                + "].created' is not a date like "
                + "'Mon, 2 Apr 2007 19:18:42 GMT': "
                + quote(created));
      }
    }
    return dates;
  }

  private static LocalDate optionalDate(JsonNode r, String field) throws BadRecordException {
    String s = optionalText(r, field);
    if (s == null || s.isBlank()) return null;
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw new BadRecordException("'" + field + "' is not a date like 2008-11-13: " + quote(s));
    }
  }

  private static String requiredText(JsonNode r, String field) throws BadRecordException {
    JsonNode v = r.get(field);
    if (v == null || v.isNull()) throw new BadRecordException("missing '" + field + "'");
    if (!v.isTextual())
      throw new BadRecordException("'" + field + "' must be a string, found " + describe(v));
    return v.textValue();
  }

  private static String optionalText(JsonNode r, String field) throws BadRecordException {
    JsonNode v = r.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual())
      throw new BadRecordException("'" + field + "' must be a string, found " + describe(v));
    return v.textValue();
  }

  private static String describe(JsonNode v) {
    String s = v.toString();
    return v.getNodeType().toString().toLowerCase(Locale.ROOT)
        + " "
        + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
  }

  private static String quote(String s) {
    return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
  }
}
