package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.paper.DisplayText;
import dev.lectern.paper.Latex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passages marked on the raw text of genuine arXiv records (arxiv/latex-records.md) and shown
 * decoded: the marks sit on the decoded letters, math stays whole in its span, and the HTML is
 * well-formed whatever the offsets.
 */
class MarkedPassagesTest {
  private static final String MATH = DisplayHtml.MATH_OPEN;
  private static final Pattern TAG = Pattern.compile("<(/?)(mark|span)( class=\"math\")?>");

  /** Titles and abstracts by id, as the snapshot has them (whitespace collapsed, as imported). */
  static Map<String, String[]> records = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in =
        MarkedPassagesTest.class.getResourceAsStream("/arxiv/latex-records.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode r = json.readTree(line);
        records.put(
            r.get("id").asText(),
            new String[] {
              r.get("title").asText().replaceAll("\\s+", " ").strip(),
              r.get("abstract").asText().replaceAll("\\s+", " ").strip()
            });
      }
    }
  }

  static String title(String id) {
    return records.get(id)[0];
  }

  static String abstractOf(String id) {
    return records.get(id)[1];
  }

  /** One passage {@code [start, end)} of {@code raw}, matched at each {@code [from, to)} pair. */
  static Passage passage(int start, int end, int... matches) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    for (int i = 0; i < matches.length; i += 2)
      p.addMatch(matches[i], matches[i + 1], new BytesRef("t"), 1);
    return p;
  }

  static String format(String raw, Passage... passages) {
    return new MarkedPassages().format(passages, raw);
  }

  /** The raw offsets of {@code word}'s first occurrence in {@code raw}, as a match. */
  static int[] at(String raw, String word) {
    int i = raw.indexOf(word);
    assertThat(i).as(word + " in " + raw).isNotNegative();
    return new int[] {i, i + word.length()};
  }

  @Test
  void aWordMatchedInItsRawTextIsMarkedOnItsDecodedLetters() {
    String raw = abstractOf("0704.0019"); // ... by using the Gr\"obner basis.
    int[] m = at(raw, "Gr\\\"obner");
    assertThat(format(raw, passage(0, raw.length(), m[0], m[1])))
        .endsWith("by using the <mark>Gröbner</mark> basis.");
    String kollar = title("0704.0073"); // A transcendental approach to Koll\'ar's ...
    int[] k = at(kollar, "Koll\\'ar's");
    assertThat(format(kollar, passage(0, kollar.length(), k[0], k[1])))
        .isEqualTo("A transcendental approach to <mark>Kollár&#x27;s</mark> injectivity theorem");
  }

  @Test
  void aMatchInsideAFormulaMarksTheWholeFormula() {
    String raw = title("0704.0005"); // From dyadic $\Lambda_{\alpha}$ to $\Lambda_{\alpha}$
    int[] alpha = at(raw, "\\alpha");
    assertThat(format(raw, passage(0, raw.length(), alpha[0], alpha[1])))
        .isEqualTo(
            "From dyadic <mark>"
                + MATH
                + "$\\Lambda_{\\alpha}$</span></mark> to "
                + MATH
                + "$\\Lambda_{\\alpha}$</span>");
    int[] lambda = at(raw, "\\Lambda");
    assertThat(format(raw, passage(0, raw.length(), lambda[0], lambda[1], alpha[0], alpha[1])))
        .as("two matches in one formula make one mark")
        .startsWith("From dyadic <mark>" + MATH + "$\\Lambda_{\\alpha}$</span></mark> to ");
  }

  @Test
  void aMatchRunningIntoAFormulaTakesItWhole() {
    String raw = title("0704.0159"); // ... in 1T-TiSe$_{2}$
    int[] tise = at(raw, "TiSe$_{2}");
    assertThat(format(raw, passage(0, raw.length(), tise[0], tise[1])))
        .isEqualTo(
            "Evidence for an excitonic insulator phase in 1T-<mark>TiSe"
                + MATH
                + "$_{2}$</span></mark>");
    String abs = abstractOf("0704.0159"); // ... 1\textit{T}-TiSe$_{2}$ ...
    int[] t = at(abs, "1\\textit{T}-TiSe$_{2}$");
    assertThat(format(abs, passage(0, abs.length(), t[0], t[1])))
        .contains("<mark>1T-TiSe" + MATH + "$_{2}$</span></mark>");
  }

  @Test
  void aPassageNeverEndsInsideAFormula() {
    String raw = abstractOf("0704.0005"); // ... norm, $\alpha\ge 0$, using ...
    int cut = raw.indexOf("\\ge") + 1;
    int second = raw.indexOf("This result");
    String html = format(raw, passage(0, cut), passage(second, raw.length()));
    assertThat(html)
        .contains(MATH + "$\\alpha\\ge 0$</span> … This result")
        .startsWith("In this paper we show how to compute the " + MATH + "$\\Lambda_{\\alpha}$");
  }

  @Test
  void storedMarkupStaysTextInsideAndOutsideMath() {
    String raw = "A $<script>alert(1)</script>$ & <b>bold</b> \\& \"quoted\"";
    int[] m = at(raw, "alert");
    String html = format(raw, passage(0, raw.length(), m[0], m[1]));
    assertThat(html)
        .isEqualTo(
            "A <mark>"
                + MATH
                + "$&lt;script&gt;alert(1)&lt;/script&gt;$</span></mark> &amp; "
                + "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
  }

  @Test
  void marksAnywhereOnAnyRecordGiveWellFormedHtmlOfTheDecodedText() {
    Random random = new Random(20070402);
    for (String[] fields : records.values()) {
      for (String raw : fields) {
        DisplayText decoded = Latex.display(raw);
        for (int round = 0; round < 200; round++) {
          // matches in increasing order, as the highlighter gives them, some overlapping
          List<Integer> matches = new ArrayList<>();
          int from = 0;
          for (int i = random.nextInt(5); i > 0 && from < raw.length() - 1; i--) {
            int start = from + random.nextInt(raw.length() - from - 1);
            int end = Math.min(raw.length(), start + 1 + random.nextInt(12));
            matches.add(start);
            matches.add(end);
            from = random.nextBoolean() ? end : start + 1;
          }
          int[] m = matches.stream().mapToInt(Integer::intValue).toArray();
          assertWellFormed(raw, format(raw, passage(0, raw.length(), m)), decoded);
        }
      }
    }
  }

  /**
   * Tags nest, a math span holds exactly one formula of the decoded text, and the text without tags
   * is the decoded text.
   */
  private static void assertWellFormed(String raw, String html, DisplayText decoded) {
    List<String> formulas = new ArrayList<>();
    for (int k = 0; k < decoded.formulas(); k++)
      formulas.add(decoded.text().substring(decoded.formulaStart(k), decoded.formulaEnd(k)));
    Deque<String> open = new ArrayDeque<>();
    StringBuilder text = new StringBuilder();
    StringBuilder inMath = null;
    Matcher m = TAG.matcher(html);
    int at = 0;
    while (m.find()) {
      String between = unescape(html.substring(at, m.start()), raw, html);
      text.append(between);
      if (inMath != null) inMath.append(between);
      at = m.end();
      String tag = m.group(2);
      if (m.group(1).isEmpty()) {
        assertThat(open).as("%s in %s", tag, html).doesNotContain(tag);
        open.push(tag);
        if (tag.equals("span")) inMath = new StringBuilder();
      } else {
        assertThat(open.peek()).as("closing %s in %s", tag, html).isEqualTo(tag);
        open.pop();
        if (tag.equals("span")) {
          assertThat(formulas).as("a math span of " + html).contains(inMath.toString());
          inMath = null;
        }
      }
    }
    text.append(unescape(html.substring(at), raw, html));
    assertThat(open).as(html).isEmpty();
    assertThat(text.toString()).as(raw).isEqualTo(decoded.text());
  }

  private static String unescape(String s, String raw, String html) {
    assertThat(s)
        .as("markup left in %s (from %s)", html, raw)
        .doesNotContain("<")
        .doesNotContain(">");
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }
}
