package dev.lectern.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's query string split into free text and filters. Besides words, {@code "phrases"},
 * AND/OR/NOT, {@code -word} and {@code title:}/{@code abstract:} (handled by {@link
 * LexicalQueries}), it understands:
 *
 * <ul>
 *   <li>{@code author:lovelace}, {@code author:"Ada Lovelace"}
 *   <li>{@code cat:cs.LG} (repeat for any of several; {@code cat:cs} for the whole archive)
 *   <li>{@code year:2024}, {@code year:2020-2023}
 *   <li>{@code after:2024-01-01}, {@code before:2024-06-30} (inclusive; a bare year or year-month
 *       works too)
 * </ul>
 *
 * Control characters are dropped and the text is cut at {@link #MAX_CHARS}; an empty filter ({@code
 * author:}) is ignored with a note. A malformed date is a {@link QueryException}: silently dropping
 * a filter the user typed would show wrong results as if they were right.
 */
public record UserQuery(String text, Filters filters, List<String> notes) {
  public static final int MAX_CHARS = 500;
  private static final Pattern FILTER =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}_.-])(author|cat|category|year|after|before):(\"([^\"]*)\"?|(\\S*))");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

  public static UserQuery parse(String raw) {
    List<String> notes = new ArrayList<>();
    String s = CONTROL.matcher(raw == null ? "" : raw).replaceAll(" ");
    if (s.length() > MAX_CHARS) {
      s = s.substring(0, MAX_CHARS);
      notes.add("the query was cut to its first " + MAX_CHARS + " characters");
    }
    Set<String> cats = new LinkedHashSet<>();
    LocalDate from = null;
    LocalDate to = null;
    String author = null;
    StringBuilder text = new StringBuilder();
    Matcher m = FILTER.matcher(s);
    int last = 0;
    while (m.find()) {
      text.append(s, last, m.start()).append(' ');
      last = m.end();
      String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String value = (m.group(3) != null ? m.group(3) : m.group(4)).strip();
      if (value.isEmpty()) {
        notes.add("'" + key + ":' without a value was ignored");
        continue;
      }
      switch (key) {
        case "author" -> author = value;
        case "cat", "category" -> cats.add(value);
        case "year" -> {
          LocalDate[] range = years(value);
          from = later(from, range[0]);
          to = earlier(to, range[1]);
        }
        case "after" -> from = later(from, date(value, key, true));
        case "before" -> to = earlier(to, date(value, key, false));
        default -> throw new IllegalStateException(key);
      }
    }
    text.append(s.substring(last));
    return new UserQuery(
        text.toString().strip(), new Filters(cats, from, to, author), List.copyOf(notes));
  }

  private static LocalDate[] years(String value) {
    Matcher m = Pattern.compile("(\\d{4})(?:-(\\d{4}))?").matcher(value);
    if (!m.matches())
      throw new QueryException(
          "year: expects a year like 2024 or a range like 2020-2023, not '" + value + "'");
    int a = Integer.parseInt(m.group(1));
    int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
    return new LocalDate[] {
      LocalDate.of(Math.min(a, b), 1, 1), LocalDate.of(Math.max(a, b), 12, 31)
    };
  }

  /**
   * The first day {@code value} (a date, a year-month or a year) names; {@code key} names it in an
   * error.
   */
  public static LocalDate firstDayOf(String value, String key) {
    return date(value, key, true);
  }

  /**
   * The last day {@code value} (a date, a year-month or a year) names; {@code key} names it in an
   * error.
   */
  public static LocalDate lastDayOf(String value, String key) {
    return date(value, key, false);
  }

  /** A full date, or the first (for after:) or last (for before:) day of a year or month. */
  private static LocalDate date(String value, String key, boolean start) {
    try {
      if (value.matches("\\d{4}")) {
        int y = Integer.parseInt(value);
        return start ? LocalDate.of(y, 1, 1) : LocalDate.of(y, 12, 31);
      }
      if (value.matches("\\d{4}-\\d{2}")) {
        LocalDate first = LocalDate.parse(value + "-01");
        return start ? first : first.withDayOfMonth(first.lengthOfMonth());
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new QueryException(
          key + ": expects a date like 2024-01-31 (or 2024-01, or 2024), not '" + value + "'");
    }
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
