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
        paper("2403.00001", d, 0),
        paper("2403.00003", d, 4),
        paper("2403.00100", d.minusDays(4), -1),
        paper("2403.00200", d.plusDays(2)),
        paper("t-0000000000000001", null, 7));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    PaperDays days = library.days();

    assertThat(days.newest(d.minusDays(5), d, false, 0, 10))
        .containsExactly(
            new PaperDays.Stub("2403.00003", d, 4),
            new PaperDays.Stub("2403.00002", d, null),
            new PaperDays.Stub("2403.00001", d, 0),
            new PaperDays.Stub("2403.00100", d.minusDays(4), -1));
    assertThat(days.newest(d.minusDays(5), d, false, 1, 2))
        .extracting(PaperDays.Stub::id)
        .containsExactly("2403.00002", "2403.00001");
    assertThat(days.newest(d.minusDays(5), d, true, 0, 10))
        .as("none, 0 or fewer upvotes")
        .extracting(PaperDays.Stub::id)
        .containsExactly("2403.00002", "2403.00001", "2403.00100");
    assertThat(days.upvoted(d.minusDays(5), d.plusDays(5), 10))
        .containsExactly(new PaperDays.Stub("2403.00003", d, 4));
    assertThat(days.count(d.minusDays(5), d)).isEqualTo(4);
    assertThat(days.count(d.plusDays(3), d.plusDays(9))).isZero();
    assertThat(days.before(d)).contains(d.minusDays(4));
    assertThat(days.after(d)).contains(d.plusDays(2));
    assertThat(days.before(d.minusDays(4))).isEmpty();
    assertThat(days.latest()).contains(today);
    assertThat(days.upvoted(today, today, 10))
        .containsExactly(new PaperDays.Stub("t-0000000000000001", today, 7));
  }

  @Test
  void readsAPageOfASpanFromTheDayIndexAloneInItsOrder() throws Exception {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    for (String only : new String[] {"", PaperDays.NO_UPVOTES}) {
      List<String> plan = new ArrayList<>();
      try (Connection c = library.database().connect();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "EXPLAIN QUERY PLAN "
                      + String.format(PaperDays.NEWEST, only)
                          .replaceFirst("\\?", "'2024-03-01'")
                          .replaceFirst("\\?", "'2024-03-30'")
                          .replace("?", "10"))) {
        while (rs.next()) plan.add(rs.getString(4));
      }
      // the index alone (no look-up of each paper in the table), in its order (no sort of its
      // own), so SQLite stops at the page
      assertThat(String.join("\n", plan))
          .as(only)
          .contains("USING COVERING INDEX papers_day")
          .doesNotContain("TEMP B-TREE");
    }
  }

  private static Paper paper(String id, LocalDate submitted) {
    return paper(id, submitted, null);
  }

  private static Paper paper(String id, LocalDate submitted, Integer upvotes) {
    return TestLibrary.paper(
        id, "Paper " + id, "About " + id, List.of("A B"), List.of("cs.LG"), submitted, upvotes);
  }
}
