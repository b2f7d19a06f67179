package dev.lectern.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFilesTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void readsTheSharedDevFilesWhichHaveNoHeader() {
    RelevanceSet set =
        EvalFiles.load(SampleCorpus.eval("queries-dev.tsv"), SampleCorpus.eval("qrels-dev.tsv"));

    assertThat(set.queries()).hasSize(15);
    assertThat(set.queries().getFirst()).isEqualTo(new EvalQuery("d01", "graph transformers"));
    assertThat(set.warnings()).isEmpty();
    assertThat(set.qrels().byQuery()).hasSize(15);
    assertThat(set.qrels().byQuery().values().stream().mapToInt(Map::size).sum()).isEqualTo(45);
    assertThat(set.qrels().grades("d01"))
        .containsEntry("exploring sparsity in graph transformers", 2)
        .containsEntry("a generalization of transformer networks to graphs", 2);
  }

  @Test
  void skipsBlankLinesAHeaderAndAByteOrderMark() throws IOException {
    Path q =
        file("q.tsv", "\uFEFFquery_id\ttext\n\nq1\tgraph transformers\n  \nq2\tneural collapse\n");
    Path r =
        file(
            "r.tsv",
            """
        query_id\tgrade\tn\ttitle
        q1\t2\t1\tÉxploring  Sparsity: in Graph-Transformers

        q2\t1\t2\tNeural Collapse
        """);

    RelevanceSet set = EvalFiles.load(q, r);

    assertThat(set.queries()).extracting(EvalQuery::id).containsExactly("q1", "q2");
    assertThat(set.qrels().grades("q1"))
        .containsExactly(Map.entry("exploring sparsity in graph transformers", 2));
  }

  @Test
  void aQueryLineWithoutATabSaysSoWithFileAndLine() throws IOException {
    Path q = file("q.tsv", "q1\tgraph transformers\n\nq2 neural collapse\n");

    assertThatThrownBy(() -> EvalFiles.readQueries(q))
        .isInstanceOf(EvalFileException.class)
        .hasMessageStartingWith(q + " line 3: expected 2 tab-separated columns")
        .hasMessageContaining("found 1 (no tab")
        .satisfies(e -> assertThat(((EvalFileException) e).line()).isEqualTo(3));
  }

  @Test
  void aDuplicateQueryIdNamesBothLines() throws IOException {
    Path q = file("q.tsv", "q1\tgraph transformers\nq2\tneural collapse\nq1\thypernetworks\n");

    assertThatThrownBy(() -> EvalFiles.readQueries(q))
        .hasMessage(q + " line 3: query id q1 is already used on line 1");
  }

  @Test
  void aQueryWithoutTextAndAnEmptyFileAreErrors() throws IOException {
    Path q = file("q.tsv", "q1\t  \n");
    assertThatThrownBy(() -> EvalFiles.readQueries(q))
        .hasMessage(q + " line 1: query q1 has no text");
    Path empty = file("empty.tsv", "\n\n");
    assertThatThrownBy(() -> EvalFiles.readQueries(empty))
        .hasMessage(empty + ": no queries in the file");
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope.tsv");
    assertThatThrownBy(() -> EvalFiles.readQueries(missing))
        .isInstanceOf(EvalFileException.class)
        .hasMessageStartingWith(missing + ": cannot read the file");
  }

  @Test
  void qrelsWithTheWrongColumnCountNameFileAndLine() throws IOException {
    Path r = file("r.tsv", "q1\t2\t1\tA Title\nq1\t2\tAnother Title\n");

    assertThatThrownBy(() -> EvalFiles.readQrels(r, null, new ArrayList<>()))
        .hasMessage(
            r
                + " line 2: expected 4 tab-separated columns (query id, grade, row number, title), found 3");
  }

  @Test
  void aNonNumericOrNegativeGradeIsAnError() throws IOException {
    Path r = file("r.tsv", "q1\t2\t1\tA Title\nq1\thigh\t2\tAnother Title\n");
    assertThatThrownBy(() -> EvalFiles.readQrels(r, null, new ArrayList<>()))
        .hasMessage(r + " line 2: the grade must be a whole number (0, 1 or 2), got 'high'");

    Path negative = file("neg.tsv", "q1\t-1\t1\tA Title\n");
    assertThatThrownBy(() -> EvalFiles.readQrels(negative, null, new ArrayList<>()))
        .hasMessage(negative + " line 1: the grade must not be negative, got -1");
  }

  @Test
  void theSameTitleJudgedTwiceForAQueryIsAnErrorEvenWrittenDifferently() throws IOException {
    Path r =
        file(
            "r.tsv",
            "q1\t2\t1\tGraph Transformers\nq2\t1\t2\tGraph Transformers\nq1\t1\t3\tgraph-transformers\n");

    assertThatThrownBy(() -> EvalFiles.readQrels(r, null, new ArrayList<>()))
        .hasMessageStartingWith(r + " line 3: query q1 already judges this title")
        .hasMessageEndingWith("on line 1");
  }

  @Test
  void aTitleWithoutLettersOrDigitsIsAnError() throws IOException {
    Path r = file("r.tsv", "q1\t2\t1\t -- \n");
    assertThatThrownBy(() -> EvalFiles.readQrels(r, null, new ArrayList<>()))
        .hasMessageStartingWith(r + " line 1: the title is empty");
  }

  @Test
  void judgmentsOfAnUnknownQueryAreIgnoredWithOneWarningPerQuery() throws IOException {
    Path r = file("r.tsv", "q1\t2\t1\tA Title\nq9\t1\t2\tB Title\nq9\t1\t3\tC Title\n");
    List<String> warnings = new ArrayList<>();

    Qrels qrels = EvalFiles.readQrels(r, Set.of("q1"), warnings);

    assertThat(qrels.byQuery()).containsOnlyKeys("q1");
    assertThat(warnings)
        .containsExactly(
            r + " line 2: query q9 is not in the queries file; its judgments are ignored");
  }
}
