package dev.lectern.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: arXiv-snapshot lines in the real field layout, many and fast. (For realistic text at
 * scale use ../shared/tools/gen-arxiv-snapshot.py; tests that only need volume use this.)
 */
public final class SyntheticSnapshot {
  private static final String[] DAYS = {"Mon", "Tue", "Wed"}; // 1-3 January 2024

  private SyntheticSnapshot() {}

  public static Path write(Path file, int count) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      for (int i = 1; i <= count; i++) {
        int versions = 1 + i % 3;
        StringBuilder v = new StringBuilder();
        for (int k = 1; k <= versions; k++) {
          if (k > 1) v.append(',');
          v.append("{\"version\":\"v")
              .append(k)
              .append("\",\"created\":\"")
              .append(DAYS[k - 1])
              .append(", ")
              .append(k)
              .append(" Jan 2024 10:00:00 GMT\"}");
        }
        w.write(
            String.format(
                "{\"id\":\"2401.%05d\",\"submitter\":\"A\",\"authors\":\"A B and C D\","
                    + "\"title\":\"Synthetic paper number %d about\\n  topic %d\",\"comments\":null,\"journal-ref\":null,"
                    + "\"doi\":null,\"report-no\":null,\"categories\":\"cs.LG stat.ML\",\"license\":null,"
                    + "\"abstract\":\"  We study topic %d with a method that is described at some length here\\n  so that "
                    + "records have a realistic size and the import takes a little time %d.\\n\",\"versions\":[%s],"
                    + "\"update_date\":\"2024-02-01\",\"authors_parsed\":[[\"B\",\"A\",\"\"],[\"D\",\"C\",\"\"]]}%n",
                i, i, i % 97, i % 89, i, v));
      }
    }
    return file;
  }
}
