package dev.lectern.ingest.hf;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a line of a saved Hugging Face Daily Papers page is. The page text has no markup left, so
 * lines are told apart by shape: the page chrome is a handful of known strings, a title is a short
 * line that reads like a heading, an abstract is a long line of sentences.
 */
final class HfPageLines {
  /** The kinds of non-blank line on a page. */
  enum Kind {
    HEADER,
    TITLE,
    ABSTRACT
  }

  /** Whole lines of page chrome, matched case-insensitively after whitespace is collapsed. */
  private static final Pattern HEADER_LINE =
      Pattern.compile(
          "new|subscribe|daily papers|by ?ak and the research community"
              + "|get trending papers in your email inbox(?: once a day)?!?"
              + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? \\d{1,2}(?:, \\d{4})?",
          Pattern.CASE_INSENSITIVE);

  /**
   * Chrome that a copy without line breaks glues onto the first title ({@code SubscribeTSPulse:
   * ...}). Only distinctive strings: "new" or a date could be the start of a real title.
   */
  private static final List<Pattern> GLUED_PREFIXES =
      List.of(
          Pattern.compile("^Get trending papers in your email inbox(?: once a day)?!"),
          Pattern.compile("^Subscribe"),
          Pattern.compile("^Daily Papers"),
          Pattern.compile("^by ?AK and the research community"));

  /**
   * A sentence ends inside the line: a lower-case word, a period, then a new capitalised sentence.
   */
  private static final Pattern SENTENCE_BREAK = Pattern.compile("\\p{Ll}{2}\\.\\s+\\p{Lu}");

  /**
   * No title on Hugging Face comes close to this; every abstract in the samples is longer (477 at
   * least).
   */
  static final int ABSTRACT_MIN_CHARS = 300;

  private HfPageLines() {}

  static Kind kind(String line) {
    if (HEADER_LINE.matcher(line).matches()) return Kind.HEADER;
    return looksLikeAbstract(line) ? Kind.ABSTRACT : Kind.TITLE;
  }

  /**
   * An abstract is long, or reads as prose: two sentences, or one sentence of a dozen words or more
   * that ends with a period. Titles may hold question marks and colons ("Search for or Navigate to?
   * Dual ..."), so only periods count.
   */
  static boolean looksLikeAbstract(String line) {
    if (line.length() >= ABSTRACT_MIN_CHARS) return true;
    if (SENTENCE_BREAK.matcher(line).find()) return true;
    return line.endsWith(".") && line.split(" ").length >= 12;
  }

  /**
   * The line without page chrome glued to its start, or the line itself. A prefix only comes off
   * when what follows starts like a title (capital letter, digit, quote), so a title such as
   * "Subscriber churn ..." stays whole.
   */
  static String stripGluedHeader(String line) {
    String rest = line;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (Pattern prefix : GLUED_PREFIXES) {
        var m = prefix.matcher(rest);
        if (m.find()) {
          String after = rest.substring(m.end()).strip();
          if (!after.isEmpty() && startsLikeTitle(after)) {
            rest = after;
            stripped = true;
          }
        }
      }
    }
    return rest;
  }

  private static boolean startsLikeTitle(String s) {
    int c = s.codePointAt(0);
    return Character.isUpperCase(c) || Character.isDigit(c) || !Character.isLetter(c);
  }

  /** The start of a long line, for messages. */
  static String preview(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
