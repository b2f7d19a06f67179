package dev.lectern.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.hf.HfPageSource;
import dev.lectern.paper.Paper;
import dev.lectern.paper.Text;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared dev relevance set over the 233 sample papers, scored with trivial retrievers. */
class SampleRelevanceTest {
  private static final Set<String> STOPWORDS =
      Set.of("and", "for", "the", "that", "use", "how", "with", "versus", "of", "in", "do");

  @TempDir static Path dataDir;
  private static List<Paper> papers;
  private static RelevanceSet set;

  @BeforeAll
  static void importSamplePapers() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    for (String page : List.of("page-a.txt", "page-b.txt", "page-c.txt")) {
      new Importer(library, 100, ImportProgress.QUIET)
          .run(new HfPageSource(SampleCorpus.page(page)));
    }
    papers =
        library.changedSince(0, Integer.MAX_VALUE).stream()
            .map(PaperLibrary.Change::paper)
            .toList();
    set = EvalFiles.load(SampleCorpus.eval("queries-dev.tsv"), SampleCorpus.eval("qrels-dev.tsv"));
  }

  /**
   * Papers by how many of the query's words occur in their title and abstract (title hits count
   * double).
   */
  private static List<String> substringSearch(String query, int k) {
    List<String> words =
        Arrays.stream(Text.titleKey(query).split(" "))
            .filter(w -> w.length() >= 3 && !STOPWORDS.contains(w))
            .toList();
    Map<Paper, Integer> scores = new LinkedHashMap<>();
    for (Paper p : papers) {
      String title = Text.titleKey(p.title());
      String text = Text.titleKey(p.abstractText());
      int score = 0;
      for (String w : words) score += (title.contains(w) ? 2 : 0) + (text.contains(w) ? 1 : 0);
      if (score > 0) scores.put(p, score);
    }
    return scores.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<Paper, Integer> e) -> -e.getValue())
                .thenComparing(e -> e.getKey().id()))
        .limit(k)
        .map(e -> e.getKey().title())
        .toList();
  }

  @Test
  void everyJudgedTitleNamesASamplePaper() {
    Set<String> keys = papers.stream().map(Paper::titleKey).collect(Collectors.toSet());
    assertThat(papers).hasSize(233);
    set.qrels()
        .byQuery()
        .forEach(
            (q, grades) ->
                assertThat(keys).as("titles judged for " + q).containsAll(grades.keySet()));
  }

  @Test
  void substringMatchingGetsSensibleFigures() {
    RelevanceEvaluation.ModeScores s =
        new RelevanceEvaluation(set).evaluate("substring", SampleRelevanceTest::substringSearch);
    System.out.print(RelevanceEvaluation.format(List.of(s)));
    System.out.print(RelevanceEvaluation.formatPerQuery(List.of(s)));

    assertThat(s.evaluated()).isEqualTo(15);
    assertThat(s.skippedQueryIds()).isEmpty();
    // a crude matcher: well above chance (~0.01) but short of the BM25 reference of ~0.90
    assertThat(s.ndcg()).isBetween(0.3, 0.95);
    assertThat(s.mrr()).isBetween(0.4, 1.0);
    assertThat(s.recall()).isBetween(0.5, 1.0);
    assertThat(s.perQuery()).allSatisfy(q -> assertThat(q.ndcg()).isBetween(0.0, 1.0));
  }

  @Test
  void rankingTheJudgmentsThemselvesScoresOneAndReversingThemScoresLess() {
    Retriever oracle = (query, k) -> judgedByGrade(query, false);
    Retriever reversed = (query, k) -> judgedByGrade(query, true);
    RelevanceEvaluation eval = new RelevanceEvaluation(set);

    RelevanceEvaluation.ModeScores best = eval.evaluate("oracle", oracle);
    RelevanceEvaluation.ModeScores worse = eval.evaluate("reversed", reversed);

    assertThat(best.ndcg()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(best.mrr()).isEqualTo(1.0);
    assertThat(best.recall()).isEqualTo(1.0);
    assertThat(worse.ndcg()).isLessThan(1.0).isGreaterThan(0.7);
    assertThat(worse.recall()).isEqualTo(1.0);
  }

  private static List<String> judgedByGrade(String queryText, boolean ascending) {
    String id =
        set.queries().stream()
            .filter(q -> q.text().equals(queryText))
            .findFirst()
            .orElseThrow()
            .id();
    Comparator<Map.Entry<String, Integer>> byGrade = Map.Entry.comparingByValue();
    return set.qrels().grades(id).entrySet().stream()
        .sorted(ascending ? byGrade : byGrade.reversed())
        .map(Map.Entry::getKey)
        .toList();
  }
}
