package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperDaysTest {
  @TempDir Path dir;

  @Test
  void listsADaysPapersFindsTheNeighbouringDaysAndDatesAPaperWithoutADateByItsArrival()
      throws Exception {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    assertThat(library.days().latest()).isEmpty();
    LocalDate d = LocalDate.of(2024, 3, 13);
    TestLibrary.write(
        library,
        paper("2403.00002", d),
        paper("2403.00001", d),
        paper("2403.00100", d.minusDays(4)),
        paper("2403.00200", d.plusDays(2)),
        paper("t-0000000000000001", null, 7));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    assertThat(library.days().stubs(d, d, 10))
        .extracting(PaperDays.Stub::id)
        .containsExactlyInAnyOrder("2403.00001", "2403.00002");
    // the newest day first: a limit keeps the end of the span
    assertThat(library.days().stubs(d.minusDays(5), d, 2))
        .extracting(PaperDays.Stub::id)
        .containsExactlyInAnyOrder("2403.00001", "2403.00002");
    assertThat(library.days().stubs(d.minusDays(5), d, 10))
        .extracting(PaperDays.Stub::day)
        .containsExactly(d, d, d.minusDays(4));
    assertThat(library.days().before(d)).contains(d.minusDays(4));
    assertThat(library.days().after(d)).contains(d.plusDays(2));
    assertThat(library.days().before(d.minusDays(4))).isEmpty();
    assertThat(library.days().latest()).contains(today);
    assertThat(library.days().stubs(today, today, 10))
        .containsExactly(new PaperDays.Stub("t-0000000000000001", today, 7));
  }

  @Test
  void readsASpanFromTheDayIndexAloneNotEveryPaper() throws Exception {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    List<String> plan = new ArrayList<>();
    try (Connection c = library.database().connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "EXPLAIN QUERY PLAN "
                    + PaperDays.STUBS
                        .replaceFirst("\\?", "'2024-03-13'")
                        .replaceFirst("\\?", "'2024-03-13'")
                        .replace("?", "10"))) {
      while (rs.next()) plan.add(rs.getString(4));
    }
    // the index alone (no look-up of each paper in the table), in its order (no sort of its own)
    assertThat(String.join("\n", plan))
        .contains("USING COVERING INDEX papers_day")
        .doesNotContain("TEMP B-TREE");
  }

  private static Paper paper(String id, LocalDate submitted) {
    return paper(id, submitted, null);
  }

  private static Paper paper(String id, LocalDate submitted, Integer upvotes) {
    return TestLibrary.paper(
        id, "Paper " + id, "About " + id, List.of("A B"), List.of("cs.LG"), submitted, upvotes);
  }
}
