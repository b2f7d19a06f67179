package dev.lectern.paper;

import java.util.Map;
import java.util.Set;

/** The LaTeX commands {@link Latex} knows, by name, and the characters that may start markup. */
final class LatexCommands {
  private LatexCommands() {}

  /** Combining marks of the accent commands, by the character after the backslash. */
  private static final String SYMBOL_ACCENTS = "'`^\"~=.";

  private static final String SYMBOL_MARKS = "\u0301\u0300\u0302\u0308\u0303\u0304\u0307";
  private static final String LETTER_ACCENTS = "uvHcdbkr";
  private static final String LETTER_MARKS = "\u0306\u030C\u030B\u0327\u0323\u0331\u0328\u030A";

  /** Letters written as commands ({@code \ss}, {@code \o}, ...). */
  private static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"));

  /** Text-mode commands that stand for a symbol or a word. */
  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("textellipsis", "…"),
          Map.entry("textendash", "–"),
          Map.entry("textemdash", "—"),
          Map.entry("textquoteleft", "‘"),
          Map.entry("textquoteright", "’"),
          Map.entry("textquotedblleft", "“"),
          Map.entry("textquotedblright", "”"),
          Map.entry("LaTeX", "LaTeX"),
          Map.entry("TeX", "TeX"),
          Map.entry("textasciitilde", "~"),
          Map.entry("textbackslash", "\\"),
          Map.entry("S", "§"),
          Map.entry("P", "¶"),
          Map.entry("copyright", "©"),
          Map.entry("pounds", "£"),
          Map.entry("textregistered", "®"),
          Map.entry("texttrademark", "™"),
          Map.entry("textdegree", "°"));

  /**
   * Commands that only change how their text looks ({@code \emph{x}}, {@code {\bf x}}, {@code
   * \mathrm{MoS}}): they vanish and their text stays.
   */
  private static final Set<String> FORMATTING =
      Set.of(
          "emph",
          "textit",
          "textbf",
          "textrm",
          "textsf",
          "texttt",
          "textsc",
          "textsl",
          "textup",
          "textnormal",
          "textmd",
          "text",
          "mbox",
          "hbox",
          "underline",
          "url",
          "em",
          "it",
          "bf",
          "rm",
          "sc",
          "sf",
          "tt",
          "sl",
          "up",
          "normalfont",
          "itshape",
          "bfseries",
          "scshape",
          "upshape",
          "mdseries",
          "rmfamily",
          "sffamily",
          "ttfamily",
          "tiny",
          "scriptsize",
          "footnotesize",
          "small",
          "normalsize",
          "large",
          "Large",
          "LARGE",
          "huge",
          "Huge",
          "mathrm",
          "mathbf",
          "mathit",
          "mathsf",
          "mathtt",
          "mathcal",
          "mathbb",
          "mathfrak",
          "mathscr",
          "mathnormal",
          "boldsymbol",
          "bm",
          "cal",
          "mit",
          "operatorname",
          "displaystyle",
          "textstyle",
          "scriptstyle",
          "scriptscriptstyle",
          "left",
          "right",
          "big",
          "Big",
          "bigg",
          "Bigg",
          "bigl",
          "bigr",
          "Bigl",
          "Bigr",
          "biggl",
          "biggr",
          "Biggl",
          "Biggr",
          "limits",
          "nolimits",
          "noindent",
          "relax",
          "protect");

  /** Spacing commands in math: a space. */
  private static final Set<String> SPACES =
      Set.of(
          "quad",
          "qquad",
          "enspace",
          "thinspace",
          "medspace",
          "thickspace",
          "space",
          "hfill",
          "newline",
          "linebreak");

  /** The characters that may start markup outside math, by mode, and in math; ASCII only. */
  static final boolean[] SEARCH_SPECIAL = ascii("\\${}~");

  static final boolean[] DISPLAY_SPECIAL = ascii("\\${}~-`'");
  static final boolean[] LETTERS_SPECIAL = ascii("\\{");
  static final boolean[] MATH_SPECIAL = ascii("\\_^{}~&");

  private static boolean[] ascii(String chars) {
    boolean[] table = new boolean[128];
    for (char c : chars.toCharArray()) table[c] = true;
    return table;
  }

  /** The combining mark of the accent {@code \c} where {@code c} is a symbol ({@code \"}), or 0. */
  static char symbolAccentMark(char c) {
    int k = SYMBOL_ACCENTS.indexOf(c);
    return k < 0 ? 0 : SYMBOL_MARKS.charAt(k);
  }

  /** The combining mark of the accent {@code \c} where {@code c} is a letter ({@code \v}), or 0. */
  static char letterAccentMark(char c) {
    int k = LETTER_ACCENTS.indexOf(c);
    return k < 0 ? 0 : LETTER_MARKS.charAt(k);
  }

  /** The letter the command {@code name} stands for ({@code ss} is ß), or null. */
  static String letter(String name) {
    return LETTERS.get(name);
  }

  static boolean isLetter(String name) {
    return LETTERS.containsKey(name);
  }

  /** The text the text-mode command {@code name} stands for ({@code ldots} is …), or null. */
  static String symbol(String name) {
    return SYMBOLS.get(name);
  }

  static boolean isFormatting(String name) {
    return FORMATTING.contains(name);
  }

  static boolean isMathSpace(String name) {
    return SPACES.contains(name);
  }

  static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9';
  }

  /**
   * Where the spaces from {@code i} end: TeX reads the spaces after a command's name as part of it.
   */
  static int skipSpaces(char[] in, int n, int i) {
    while (i < n && in[i] == ' ') i++;
    return i;
  }
}
