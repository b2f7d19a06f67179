package dev.lectern.search;

import org.apache.lucene.search.Query;

/**
 * The text a search by meaning embeds: the query's text without what it excludes. The model would
 * read "-survey" as more of what is wanted (it pulls towards surveys); the exclusions are applied
 * as a filter instead (see {@link BitSetFilters#alsoExcluding}). Only what Lucene's parser took as
 * an exclusion is left out: text that failed to parse and was read literally is embedded as typed.
 *
 * <p>The text is scanned the way Lucene's classic syntax reads it: a clause is a word, a {@code
 * "phrase"} or a {@code (group)}, possibly after a {@code field:}; it is excluded by a {@code -} or
 * {@code !} before it or a {@code NOT} token; a backslash escapes the next character; spaces inside
 * quotes or parentheses do not end a clause.
 */
final class TextToEmbed {
  private TextToEmbed() {}

  /**
   * {@code text} less its exclusions when {@code words} (its parsed form) has any at its top level.
   */
  static String of(String text, Query words) {
    return BitSetFilters.hasExclusions(words) ? withoutExclusions(text) : text;
  }

  static String withoutExclusions(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (isSpace(text.charAt(i))) {
        i++;
        continue;
      }
      boolean excluded = false;
      if (text.startsWith("NOT", i)
          && (i + 3 == n
              || isSpace(text.charAt(i + 3))
              || "\"(".indexOf(text.charAt(i + 3)) >= 0)) {
        excluded = true;
        i += 3;
        while (i < n && isSpace(text.charAt(i))) i++;
      } else if ((text.charAt(i) == '-' || text.charAt(i) == '!')
          && i + 1 < n
          && !isSpace(text.charAt(i + 1))) {
        excluded = true;
        i++;
      }
      int end = clauseEnd(text, i);
      if (!excluded && end > i) {
        if (!out.isEmpty()) out.append(' ');
        out.append(text, i, end);
      }
      i = Math.max(end, i + 1);
    }
    return out.toString();
  }

  /** Where the clause starting at {@code from} ends: after its phrase or group, or at a space. */
  private static int clauseEnd(String text, int from) {
    int n = text.length();
    int depth = 0;
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        i = closingQuote(text, i) + 1;
        if (depth == 0) return Math.min(i, n);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) return i == from ? i + 1 : i; // a stray parenthesis is a clause of its own
        if (--depth == 0) return i + 1;
      } else if (depth == 0 && isSpace(c)) {
        return i;
      }
      i++;
    }
    return n;
  }

  private static int closingQuote(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      if (text.charAt(i) == '\\') i++;
      else if (text.charAt(i) == '"') return i;
    }
    return text.length();
  }

  /** The whitespace of Lucene's classic query syntax. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
  }
}
