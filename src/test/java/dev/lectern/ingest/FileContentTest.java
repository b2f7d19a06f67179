package dev.lectern.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a file's start says it is; the edges that must not be misread. */
class FileContentTest {
  private static FileContent of(String text) {
    return FileContent.of(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static final String RECORD =
      "{\"id\":\"2401.00001\",\"submitter\":\"A\",\"title\":\"T\",\"abstract\":\"x\","
          + "\"versions\":[]}";

  @Test
  void aSnapshotWhoseFirstLinesAreBrokenIsStillASnapshot() {
    assertThat(
            of(
                "\u0000\u0001\u00fe garbage {\"id\": \"2401.0\n{\"id\": \"2401.05555\", \"title\": \"trunc\n"
                    + RECORD
                    + "\n"))
        .isEqualTo(FileContent.ARXIV_SNAPSHOT);
  }

  @Test
  void apiResponsesInEachShape() {
    assertThat(of("[]")).as("a day without papers").isEqualTo(FileContent.HF_API);
    assertThat(of("\u00ef\u00bb\u00bf[\n  {\n    \"paper\": {\"id\": \"2404.15574\"}\n  }\n]"))
        .as("pretty-printed, after a byte order mark")
        .isEqualTo(FileContent.HF_API);
    assertThat(of("{\"paper\": {\"id\": \"1\"}, \"title\": \"T\"}\n"))
        .isEqualTo(FileContent.HF_API);
    assertThat(
            of("{\"id\": \"2404.15574\", \"title\": \"T\", \"summary\": \"s\", \"upvotes\": 3}\n"))
        .as("a bare paper object")
        .isEqualTo(FileContent.HF_API);
  }

  @Test
  void otherJsonIsToldFromJsonLines() {
    assertThat(of("{\"a\": 1}\n{\"a\": 2}\n")).isEqualTo(FileContent.JSON_LINES);
    assertThat(of("[1, 2, 3]")).isEqualTo(FileContent.JSON);
    assertThat(of("[\n" + RECORD + "\n]"))
        .as("snapshot records in an array are not JSON lines")
        .isEqualTo(FileContent.JSON);
  }

  @Test
  void documentsAndNothing() {
    assertThat(of("  \n\t\n")).isEqualTo(FileContent.EMPTY);
    assertThat(of("<!doctype html><html>")).isEqualTo(FileContent.HTML);
    assertThat(of("<?xml version=\"1.0\"?><OAI-PMH>")).isEqualTo(FileContent.XML);
    assertThat(of("%PDF-1.4\n")).isEqualTo(FileContent.PDF);
    assertThat(of("PK\u0003\u0004\u0014\u0000")).isEqualTo(FileContent.ZIP);
    assertThat(of("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000"))
        .isEqualTo(FileContent.BINARY);
    assertThat(of("Subscribe\n\nDaily Papers\n\nA Title\n")).isEqualTo(FileContent.HF_PAGE);
    assertThat(of("my notes\n")).isEqualTo(FileContent.TEXT);
  }
}
