package dev.lectern.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.paper.Text;
import dev.lectern.testing.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HfPageSourceTest {
  @TempDir Path tmp;

  private static CollectingSink read(Path page) throws IOException {
    CollectingSink sink = new CollectingSink();
    new HfPageSource(page).read(sink, null);
    return sink;
  }

  @ParameterizedTest
  @CsvSource({"page-a.txt, 67", "page-b.txt, 66", "page-c.txt, 118"})
  void everyTitleAndAbstractPairOfASamplePageBecomesOnePaper(String page, int papers)
      throws IOException {
    CollectingSink sink = read(SampleFiles.page(page));

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted).hasSize(papers);
  }

  @Test
  void theThreeSamplePagesHold233DistinctPapersByNormalizedTitle() throws IOException {
    Set<String> keys = new HashSet<>();
    for (String page : List.of("page-a.txt", "page-b.txt", "page-c.txt")) {
      read(SampleFiles.page(page)).papers().forEach(p -> keys.add(p.titleKey()));
    }
    assertThat(keys).hasSize(233);
  }

  @ParameterizedTest
  @ValueSource(strings = {"page-a.txt", "page-b.txt", "page-c.txt"})
  void noPageTextBecomesAPaperOrSticksToATitle(String page) throws IOException {
    List<Paper> papers = read(SampleFiles.page(page)).papers();

    assertThat(papers)
        .allSatisfy(
            p -> {
              assertThat(p.title())
                  .doesNotContainIgnoringCase("subscribe")
                  .doesNotContainIgnoringCase("trending papers")
                  .doesNotContain("byAK")
                  .isNotEqualTo("Daily Papers")
                  .doesNotMatch("(?i)new|[A-Z][a-z]{2} \\d{1,2}");
              assertThat(p.abstractText())
                  .hasSizeGreaterThan(100)
                  .doesNotContainIgnoringCase("subscribe");
              assertThat(p.title().length()).isLessThan(p.abstractText().length());
              assertThat(p.id()).isEqualTo(PaperIds.fromTitle(p.title()));
              assertThat(p.sources()).containsExactly("hf-page");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      page-a.txt | Retrieval Head Mechanistically Explains Long-Context Factuality | Despite the recent progress in long-context language models
      page-a.txt | Model scale versus domain knowledge in statistical forecasting of chaotic systems | Chaos and unpredictability are traditionally synonymous
      page-b.txt | ViT-CoMer: Vision Transformer with Convolutional Multi-scale Feature Interaction for Dense Predictions | Although Vision Transformer (ViT) has achieved significant success
      page-b.txt | On Relation-Specific Neurons in Large Language Models | In large language models (LLMs), certain neurons can store
      page-c.txt | TSPulse: Dual Space Tiny Pre-Trained Models for Rapid Time-Series Analysis | The rise of time-series pre-trained models
      page-c.txt | Machine Learning for Two-Sample Testing under Right-Censored Data: A Simulation Study | The focus of this study is to evaluate
      """)
  void firstAndLastPapersOfEachPageComeInWithTheirOwnAbstract(
      String page, String title, String abstractStart) throws IOException {
    List<Paper> papers = read(SampleFiles.page(page)).papers();
    Paper first = papers.getFirst(), last = papers.getLast();

    Paper paper = title.equals(first.title()) ? first : last;
    assertThat(paper.title()).isEqualTo(title);
    assertThat(paper.abstractText()).startsWith(abstractStart);
  }

  @Test
  void aLongTitleWithAQuestionMarkStaysATitle() throws IOException {
    var byTitle = read(SampleFiles.page("page-b.txt")).byTitle();

    String title =
        "Can \"consciousness\" be observed from large language model (LLM) internal states? Dissecting "
            + "LLM representations obtained from Theory of Mind test with Integrated Information Theory and Span "
            + "Representation analysis";
    assertThat(byTitle).containsKey(title);
    assertThat(byTitle.get(title).abstractText())
        .startsWith("Integrated Information Theory (IIT) provides");
  }

  @Test
  void eachPaperIsLocatedAtItsTitleLine() throws IOException {
    CollectingSink sink = read(SampleFiles.page("page-a.txt"));

    assertThat(sink.accepted.getFirst().location()).endsWith("page-a.txt:11");
    assertThat(sink.accepted.getLast().location()).endsWith("page-a.txt:275");
  }

  @Test
  void aPageCutOffAfterItsLastTitleRejectsThatTitleAndKeepsTheRest() throws IOException {
    List<String> lines = Files.readAllLines(SampleFiles.page("page-a.txt"));
    Path cut =
        Files.write(
            tmp.resolve("cut.txt"), lines.subList(0, lines.size() - 2)); // drop "" + abstract

    CollectingSink sink = read(cut);

    assertThat(sink.accepted).hasSize(66);
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo(cut + ":275");
              assertThat(r.reason())
                  .contains("Model scale versus domain knowledge")
                  .contains("no abstract")
                  .contains("cut off");
            });
  }

  @Test
  void aTitleMissingItsAbstractMidPageCostsOnlyThatPaper() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SampleFiles.page("page-c.txt")));
    String orphan = lines.get(6); // "Dual Modalities of Text: ..."; its abstract is line 8
    lines.remove(7);
    Path file = Files.write(tmp.resolve("gap.txt"), lines);

    CollectingSink sink = read(file);

    assertThat(sink.accepted).hasSize(117);
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo(file + ":7");
              assertThat(r.reason()).contains(orphan).contains("another title");
            });
    assertThat(
            sink.byTitle()
                .get("Concurrent Self-testing of Neural Networks Using Uncertainty Fingerprint")
                .abstractText())
        .startsWith("Neural networks (NNs) are increasingly used");
  }

  @Test
  void anAbstractWithoutTitleIsRejectedWithItsLine() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SampleFiles.page("page-c.txt")));
    lines.remove(6); // the title of the paper on lines 7-8
    Path file = Files.write(tmp.resolve("headless.txt"), lines);

    CollectingSink sink = read(file);

    assertThat(sink.accepted).hasSize(117);
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo(file + ":7");
              assertThat(r.reason())
                  .startsWith("abstract without a title")
                  .contains("Harnessing visual texts");
            });
  }

  @Test
  void aGzippedPageReadsLikeThePlainOne() throws IOException {
    Path gz = SampleFiles.gzip(SampleFiles.page("page-c.txt"), tmp.resolve("page-c.txt.gz"));

    assertThat(read(gz).papers()).isEqualTo(read(SampleFiles.page("page-c.txt")).papers());
  }

  @Test
  void headerGluedOnlyComesOffWhenWhatFollowsStartsATitle() throws IOException {
    String abstractText =
        "We study churn. " + "Long enough abstract text for the rules. ".repeat(10);
    Path file =
        Files.writeString(
            tmp.resolve("glued.txt"),
            String.join(
                "\n",
                "Get trending papers in your email inbox!",
                "Subscriber Churn Prediction with Graphs",
                abstractText,
                "Daily Papers",
                "Subscribe",
                "Mar 13",
                "SubscribeDaily PapersTSPulse: Tiny Models",
                abstractText));

    List<String> titles = read(file).papers().stream().map(Paper::title).toList();

    assertThat(titles)
        .containsExactly("Subscriber Churn Prediction with Graphs", "TSPulse: Tiny Models");
  }

  @Test
  void linesAreToldApartByShape() {
    assertThat(HfPageLines.kind("Subscribe")).isEqualTo(HfPageLines.Kind.HEADER);
    assertThat(HfPageLines.kind("Get trending papers in your email inbox once a day!"))
        .isEqualTo(HfPageLines.Kind.HEADER);
    assertThat(HfPageLines.kind("Aug 6")).isEqualTo(HfPageLines.Kind.HEADER);
    assertThat(
            HfPageLines.kind(
                "Search for or Navigate to? Dual Adaptive Thinking for Object Navigation"))
        .isEqualTo(HfPageLines.Kind.TITLE);
    assertThat(HfPageLines.kind("We propose a method. It works well on every benchmark we tried."))
        .isEqualTo(HfPageLines.Kind.ABSTRACT);
  }

  @Test
  void titleIdsMatchAcrossPagesSoAPaperOnTwoPagesHasOneId() throws IOException {
    String title = "Retrieval Head Mechanistically Explains Long-Context Factuality";
    Paper onA = read(SampleFiles.page("page-a.txt")).byTitle().get(title);
    Paper onC = read(SampleFiles.page("page-c.txt")).byTitle().get(title);

    assertThat(onA.id()).isEqualTo(onC.id()).startsWith(PaperIds.TITLE_PREFIX);
    assertThat(Text.titleKey(onA.title())).isEqualTo(Text.titleKey(onC.title()));
  }

  @Test
  void resumingSkipsThePairsBeforeTheCheckpoint() throws IOException {
    Path page = SampleFiles.page("page-a.txt");
    CollectingSink full = read(page);
    String checkpoint = full.checkpoints.get(9); // after the tenth paper

    CollectingSink resumed = new CollectingSink();
    new HfPageSource(page).read(resumed, checkpoint);

    assertThat(resumed.papers()).isEqualTo(full.papers().subList(10, full.papers().size()));
    assertThat(resumed.notes).anySatisfy(n -> assertThat(n).contains("resuming"));
  }

  @Test
  void aMissingPageIsAnErrorThatNamesIt() {
    Path missing = tmp.resolve("nope.txt");
    assertThatThrownBy(() -> read(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope.txt");
  }
}
