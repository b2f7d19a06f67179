package dev.lectern.web;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.TestLibrary;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A running server over genuine arXiv records written in LaTeX (arxiv/latex-records.md: Gröbner,
 * Kollár, $\Lambda_{\alpha}$, TiSe$_{2}$) and a few constructed papers on {@link #CONSTRUCTED_DAY}:
 * one with WSe$_{2}$ (no genuine record has it), one with script inside math, one with a formula
 * KaTeX cannot parse.
 */
final class LatexFixture {
  /** The day of 0704.0005 ($\Lambda_{\alpha}$), 0704.0028, 0704.0114, 0704.0159 and others. */
  static final LocalDate DAY = LocalDate.of(2007, 4, 2);

  static final LocalDate CONSTRUCTED_DAY = LocalDate.of(2007, 4, 3);
  static final String WSE2_ID = "9999.00001";
  static final String HOSTILE_MATH_ID = "9999.00002";
  static final String HOSTILE_MATH_TITLE = "$<script>alert(6)</script>$ and $x<y$ & <b>bold</b>";
  static final String UNPARSABLE_ID = "9999.00003";

  /** KaTeX has no such command: the formula stays as its raw text. */
  static final String UNPARSABLE_MATH = "$\\nosuchcommand{x}$";

  private LatexFixture() {}

  static WebFixture start(Path dataDir) {
    Lectern lectern =
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
    try {
      TestLibrary.importSnapshot(
          lectern.library(),
          Path.of(LatexFixture.class.getResource("/arxiv/latex-records.jsonl").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    TestLibrary.write(
        lectern.library(),
        paper(
            WSE2_ID,
            "Excitons in monolayer WSe$_{2}$ (constructed)",
            "Valley excitons of WSe$_2$ and MoS$_{2}$ heterobilayers, 10--20\\% brighter."),
        paper(
            HOSTILE_MATH_ID,
            HOSTILE_MATH_TITLE,
            "An abstract with $<img src=x onerror=alert(7)>$ in math."),
        paper(
            UNPARSABLE_ID,
            "A formula KaTeX cannot read: " + UNPARSABLE_MATH + " and one it can: $x^2$",
            "Nothing else."));
    return WebFixture.serve(lectern);
  }

  private static dev.lectern.paper.Paper paper(String id, String title, String abstractText) {
    return TestLibrary.paper(
        id, title, abstractText, List.of("A. Author"), List.of("cond-mat"), CONSTRUCTED_DAY, null);
  }
}
