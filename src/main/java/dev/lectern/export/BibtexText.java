package dev.lectern.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Text made safe for a BibTeX field in braces, whatever the input: every brace of the result is
 * matched (BibTeX counts {@code \{} as a brace too, so an unmatched one, escaped or not, would end
 * or swallow the field), and LaTeX reads the text as the letters it holds. Text written in LaTeX
 * (arXiv's titles) keeps its markup: {@code Gr\"obner} and {@code $\Lambda_{\alpha}$} stay as they
 * are, and only what LaTeX would misread is escaped ({@code 5%}, {@code R&D}, a lone {@code $}).
 * Plain text (a saved Hugging Face page) has every special character escaped.
 */
final class BibtexText {
  private BibtexText() {}

  /** Text written in LaTeX, such as arXiv's titles: markup kept, stray specials escaped. */
  static String latex(String text) {
    return new LatexPieces(oneLine(text)).write();
  }

  /** Plain Unicode text: every character LaTeX treats specially is escaped. */
  static String plain(String text) {
    String s = oneLine(text);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '^' -> out.append("\\^{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '$', '%', '&', '#', '_' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A field that reference managers read verbatim (doi, url): no escapes, which would become part
   * of the link; what cannot stand in a braced field (braces, backslashes, spaces) is
   * percent-encoded as in a URL.
   */
  static String verbatim(String text) {
    String s = oneLine(text).strip();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '{' -> out.append("%7B");
        case '}' -> out.append("%7D");
        case '\\' -> out.append("%5C");
        case ' ' -> out.append("%20");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Runs of whitespace and control characters as one space: a field stays on one line. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = true;
        continue;
      }
      if (space && !out.isEmpty()) out.append(' ');
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  /**
   * LaTeX text cut into the pieces it is written as, braces and math delimiters apart, so that
   * braces can be matched once all is read: within math, braces pair only inside the same formula;
   * {@code {}} and {@code \{\}} pair each with their own kind (then each kind is balanced, so both
   * together are too, as BibTeX counts them). An unmatched brace becomes a brace glyph without a
   * brace character.
   */
  private static final class LatexPieces {
    private enum Kind {
      TEXT,
      OPEN,
      CLOSE,
      OPEN_ESCAPED,
      CLOSE_ESCAPED,
      MATH_START,
      MATH_END
    }

    private final String s;
    private final List<String> pieces = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Boolean> inMath = new ArrayList<>();
    private boolean math;
    private String closer; // what ends the formula being read: $, $$, \) or \]; null in text

    LatexPieces(String s) {
      this.s = s;
      read();
    }

    private void read() {
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (closer != null && s.startsWith(closer, i)) {
          add(closer, Kind.MATH_END);
          math = false;
          i += closer.length();
          closer = null;
        } else if (c == '\\') {
          i = command(i);
        } else if (c == '$' && closer == null) {
          String delimiter = s.startsWith("$$", i) ? "$$" : "$";
          if (closes(delimiter, i + delimiter.length())) {
            startMath(delimiter, delimiter);
            i += delimiter.length();
          } else {
            add("\\$", Kind.TEXT);
            i++;
          }
        } else {
          character(c);
          i++;
        }
      }
    }

    /**
     * Whether {@code delimiter} follows {@code from} with something before it; backslashed
     * characters are skipped as {@link #command} reads them.
     */
    private boolean closes(String delimiter, int from) {
      for (int j = from; j < s.length(); j++) {
        if (s.startsWith(delimiter, j)) return j > from;
        if (s.charAt(j) == '\\') j++;
      }
      return false;
    }

    private void startMath(String delimiter, String end) {
      add(delimiter, Kind.MATH_START);
      math = true;
      closer = end;
    }

    /**
     * A backslash and what it starts: a command word ({@code \alpha}), a control symbol ({@code
     * \"}, {@code \%}), an escaped brace, or {@code \(} / {@code \[} math when it closes later; a
     * backslash before anything else (a digit, a letter beyond ASCII, nothing) is printed as a
     * backslash. Returns where reading goes on.
     */
    private int command(int i) {
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (isAsciiLetter(next)) {
        int end = i + 2;
        while (end < s.length() && isAsciiLetter(s.charAt(end))) end++;
        add(s.substring(i, end), Kind.TEXT);
        return end;
      }
      if (next == '{' || next == '}') {
        add(s.substring(i, i + 2), next == '{' ? Kind.OPEN_ESCAPED : Kind.CLOSE_ESCAPED);
        return i + 2;
      }
      if (closer == null && (next == '(' || next == '[')) {
        String end = next == '(' ? "\\)" : "\\]";
        if (closes(end, i + 2)) {
          startMath(s.substring(i, i + 2), end);
          return i + 2;
        }
      }
      if (next > ' ' && next < 128 && !Character.isLetterOrDigit(next) || next == ' ') {
        add(s.substring(i, i + 2), Kind.TEXT);
        return i + 2;
      }
      add("\\textbackslash{}", Kind.TEXT);
      return i + 1;
    }

    private void character(char c) {
      switch (c) {
        case '{' -> add("{", Kind.OPEN);
        case '}' -> add("}", Kind.CLOSE);
        case '%', '&', '#' -> add("\\" + c, Kind.TEXT);
        case '_' -> add(math ? "_" : "\\_", Kind.TEXT);
        case '^' -> add(math ? "^" : "\\^{}", Kind.TEXT);
        default -> add(String.valueOf(c), Kind.TEXT);
      }
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void add(String piece, Kind kind) {
      pieces.add(piece);
      kinds.add(kind);
      inMath.add(math || kind == Kind.MATH_END);
    }

    String write() {
      Set<Integer> unmatched = unmatched();
      StringBuilder out = new StringBuilder(s.length() + 16);
      for (int i = 0; i < pieces.size(); i++) {
        if (!unmatched.contains(i)) {
          out.append(pieces.get(i));
          continue;
        }
        boolean open = kinds.get(i) == Kind.OPEN || kinds.get(i) == Kind.OPEN_ESCAPED;
        if (inMath.get(i)) out.append(open ? "\\lbrace{}" : "\\rbrace{}");
        else out.append(open ? "\\textbraceleft{}" : "\\textbraceright{}");
      }
      return out.toString();
    }

    private Set<Integer> unmatched() {
      Set<Integer> unmatched = new HashSet<>();
      List<Deque<Integer>> text = List.of(new ArrayDeque<>(), new ArrayDeque<>());
      List<Deque<Integer>> formula = List.of(new ArrayDeque<>(), new ArrayDeque<>());
      boolean inFormula = false;
      for (int i = 0; i < pieces.size(); i++) {
        Kind k = kinds.get(i);
        List<Deque<Integer>> stacks = inFormula ? formula : text;
        switch (k) {
          case MATH_START -> inFormula = true;
          case MATH_END -> {
            formula.forEach(unmatched::addAll);
            formula.forEach(Deque::clear);
            inFormula = false;
          }
          case OPEN -> stacks.get(0).push(i);
          case OPEN_ESCAPED -> stacks.get(1).push(i);
          case CLOSE, CLOSE_ESCAPED -> {
            Deque<Integer> stack = stacks.get(k == Kind.CLOSE ? 0 : 1);
            if (stack.isEmpty()) unmatched.add(i);
            else stack.pop();
          }
          case TEXT -> {}
        }
      }
      text.forEach(unmatched::addAll);
      formula.forEach(unmatched::addAll);
      return unmatched;
    }
  }
}
