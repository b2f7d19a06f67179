package dev.lectern.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A request's query parameters, read strictly: a value that cannot be read, a parameter given twice
 * that takes one value, or an unknown parameter (a typo would otherwise be silently ignored) is a
 * 400 that names the parameter and says why.
 */
final class Params {
  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * @param rawQuery the query string as sent (still percent-encoded), or null
   * @param known the parameters this endpoint takes
   */
  static Params parse(String rawQuery, Set<String> known) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!known.contains(name)) {
          throw HttpError.badRequest(
              "unknown parameter '"
                  + name
                  + "' (this endpoint takes "
                  + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                  + ")");
        }
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new Params(values);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(
          "the query string has a malformed %-escape in '"
              + (s.length() > 40 ? s.substring(0, 40) + "..." : s)
              + "'; encode '%' as %25");
    }
  }

  /** Whether both have the same parameters with the same values, in the same order per name. */
  boolean sameAs(Params other) {
    return values.equals(other.values);
  }

  /** The one value of a parameter, or null when absent. */
  String get(String name) {
    List<String> v = values.get(name);
    if (v == null) return null;
    if (v.size() > 1)
      throw HttpError.badRequest(
          "parameter '" + name + "' is given " + v.size() + " times; it takes one value");
    return v.getFirst();
  }

  /** Every value of a repeatable parameter, each also split at commas ({@code cat=cs.LG,cs.CL}). */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of()).stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  int intIn(String name, int min, int max, int absent) {
    String v = get(name);
    if (v == null) return absent;
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      // a whole number too large for an int is out of range, not malformed
      throw HttpError.badRequest(
          v.strip().matches("[+-]?[0-9]+")
              ? "parameter '" + name + "' must be between " + min + " and " + max + ", not " + v
              : "parameter '" + name + "' must be a whole number, not '" + v + "'");
    }
    if (n < min || n > max) {
      throw HttpError.badRequest(
          "parameter '" + name + "' must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }

  <E extends Enum<E>> E choice(String name, Class<E> type, E absent) {
    String v = get(name);
    if (v == null) return absent;
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.strip())) return e;
    }
    throw HttpError.badRequest(
        "parameter '"
            + name
            + "' must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", not '"
            + v
            + "'");
  }

  LocalDate date(String name) {
    String v = get(name);
    if (v == null || v.isBlank()) return null;
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest(
          "parameter '" + name + "' must be a date like 2024-05-31, not '" + v + "'");
    }
  }
}
