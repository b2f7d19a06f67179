package dev.lectern.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.testing.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfApiFileSourceTest {
  private static final Path DAY = SampleFiles.fixture("daily-2024-03-13.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static CollectingSink read(Path file) throws IOException {
    CollectingSink sink = new CollectingSink();
    new HfApiFileSource(file).read(sink, null);
    return sink;
  }

  @Test
  void anItemBecomesAPaperWithArxivIdAuthorsDateAndUpvotes() throws IOException {
    Paper p = read(DAY).papers().getFirst();

    assertThat(p.id()).isEqualTo("2404.15574");
    assertThat(p.title())
        .isEqualTo("Retrieval Head Mechanistically Explains Long-Context Factuality");
    assertThat(p.authors())
        .containsExactly("Wenhao Wu", "Yizhong Wang", "Guangxuan Xiao", "Hao Peng", "Yao Fu");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2024, 4, 24));
    assertThat(p.upvotes()).isEqualTo(8);
    assertThat(p.sources()).containsExactly("hf-api");
    assertThat(p.abstractText())
        .startsWith(
            "Despite the recent progress in long-context language models, it " + "remains elusive")
        .doesNotContain("\n")
        .doesNotContain("  ");
  }

  @Test
  void badItemsAreRejectedWithTheirPlaceAndTheRestComeIn() throws IOException {
    CollectingSink sink = read(DAY);

    assertThat(sink.papers())
        .extracting(Paper::title)
        .containsExactly(
            "Retrieval Head Mechanistically Explains Long-Context Factuality",
            "Hydra: Sequentially-Dependent Draft Heads for Medusa Decoding",
            "Gemma: Open Models Based on Gemini Research and Technology",
            "Strip-MLP: Efficient Token Interaction for Vision MLP");
    assertThat(sink.rejected)
        .containsExactly(
            new CollectingSink.Rejected(DAY + ":item 4", "item has no title"),
            new CollectingSink.Rejected(
                DAY + ":item 5", "'upvotes' is the string \"12\", expected a count"));
    assertThat(sink.accepted.get(3).location()).isEqualTo(DAY + ":item 6");
  }

  @Test
  void anItemWithoutArxivIdGetsTheTitleId() throws IOException {
    Paper strip = read(DAY).papers().getLast();

    assertThat(strip.id())
        .isEqualTo(PaperIds.fromTitle("Strip-MLP: Efficient Token Interaction for Vision MLP"));
  }

  @Test
  void aGzippedResponseReadsLikeThePlainOne() throws IOException {
    Path gz = SampleFiles.gzip(DAY, tmp.resolve("daily.json.gz"));

    CollectingSink plain = read(DAY), zipped = read(gz);

    assertThat(zipped.papers()).isEqualTo(plain.papers());
    assertThat(zipped.rejected)
        .extracting(CollectingSink.Rejected::reason)
        .isEqualTo(plain.rejected.stream().map(CollectingSink.Rejected::reason).toList());
  }

  @Test
  void severalDaysOfResponsesInOneFileAreAllRead() throws IOException {
    String day = Files.readString(DAY);
    Path file = Files.writeString(tmp.resolve("week.json"), day + "\n" + day + "\n[]\n" + day);

    CollectingSink sink = read(file);

    assertThat(sink.accepted).hasSize(12);
    assertThat(sink.rejected)
        .hasSize(6)
        .last()
        .extracting(CollectingSink.Rejected::location)
        .isEqualTo(file + ":item 17");
  }

  @Test
  void jsonLinesAreReadOneItemPerLineAndABrokenLineCostsOnlyItself() throws IOException {
    List<String> lines = new ArrayList<>();
    for (JsonNode item : JSON.readTree(DAY.toFile())) lines.add(JSON.writeValueAsString(item));
    lines.add(2, "{\"paper\": {\"id\": \"2403.0");
    Path file = Files.write(tmp.resolve("items.jsonl"), lines);

    CollectingSink sink = read(file);

    assertThat(sink.accepted).hasSize(4);
    assertThat(sink.rejected)
        .extracting(CollectingSink.Rejected::location)
        .containsExactly(file + ":3", file + ":5", file + ":6");
    assertThat(sink.rejected.getFirst().reason()).startsWith("not a JSON item on one line");
  }

  @Test
  void aCutOffDownloadKeepsTheItemsBeforeTheBreakAndReportsIt() throws IOException {
    String day = Files.readString(DAY);
    int cut = day.indexOf("Gemma: Open Models");
    Path file = Files.writeString(tmp.resolve("cut.json"), day.substring(0, cut));

    CollectingSink sink = read(file);

    assertThat(sink.papers()).extracting(Paper::id).containsExactly("2404.15574", "2402.05109");
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo(file + ":item 3");
              assertThat(r.reason()).startsWith("broken JSON at line").contains("cut off");
            });
  }

  @Test
  void wrongTypesAreRejectedWithWhatWasExpected() throws IOException {
    CollectingSink sink = new CollectingSink();
    HfApiFileSource.parseResponse(
        """
        [{"paper": {"id": 2403.08540, "title": "A title"}},
         {"paper": {"id": "2403.08540", "title": "A title", "authors": "Someone"}},
         {"paper": {"id": "2403.08540", "title": "A title", "publishedAt": "yesterday"}},
         {"paper": {"id": "2403.08540", "title": ["A title"]}},
         "2403.08540",
         {"paper": "2403.08540"}]
        """,
        "test",
        sink);

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.rejected)
        .extracting(CollectingSink.Rejected::reason)
        .containsExactly(
            "'paper.id' is the number 2403.0854, expected a string such as \"2401.01234\"",
            "'paper.authors' is the string \"Someone\", expected a list",
            "'publishedAt' is \"yesterday\", expected an ISO date-time like 2024-03-12T17:58:31Z",
            "'title' is a list, expected a string",
            "item is the string \"2403.08540\", expected a JSON object",
            "'paper' is the string \"2403.08540\", expected a JSON object");
  }

  @Test
  void aResponseBodyIsParsedWithItemsLocatedUnderItsUrl() throws IOException {
    String url = "https://huggingface.co/api/daily_papers?date=2024-03-13";
    CollectingSink sink = new CollectingSink();

    int items = HfApiFileSource.parseResponse(Files.readString(DAY), url, sink);

    assertThat(items).isEqualTo(6);
    assertThat(sink.accepted.getFirst().location()).isEqualTo(url + "#1");
    assertThat(sink.rejected.getFirst().location()).isEqualTo(url + "#4");
  }

  @Test
  void aDayWithoutPapersIsAnEmptyResponse() throws IOException {
    CollectingSink sink = new CollectingSink();
    assertThat(HfApiFileSource.parseResponse("[]", "day", sink)).isZero();
    assertThat(sink.accepted).isEmpty();
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void aBodyThatIsNoApiResponseIsAnErrorNotARecord() {
    CollectingSink sink = new CollectingSink();
    assertThatThrownBy(
            () ->
                HfApiFileSource.parseResponse(
                    "<html><body>Too Many Requests</body></html>", "u", sink))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a Daily Papers API response");
    assertThatThrownBy(
            () -> HfApiFileSource.parseResponse("{\"error\": \"Invalid date\"}", "u", sink))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Invalid date");
    assertThatThrownBy(() -> HfApiFileSource.parseResponse("\"Not Found\"", "u", sink))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected a list of items, found Not Found");
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void resumingSkipsTheItemsBeforeTheCheckpoint() throws IOException {
    CollectingSink full = read(DAY);
    CollectingSink resumed = new CollectingSink();

    new HfApiFileSource(DAY).read(resumed, full.checkpoints.get(2)); // after item 3

    assertThat(resumed.accepted)
        .extracting(CollectingSink.Accepted::location)
        .containsExactly(DAY + ":item 6");
    assertThat(resumed.rejected).hasSize(2);
  }
}
