package dev.lectern.cli;

import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.search.SearchService;
import dev.lectern.search.eval.EvalFiles;
import dev.lectern.search.eval.RelevanceEvaluation;
import dev.lectern.search.eval.RelevanceSet;
import dev.lectern.search.eval.Retriever;
import dev.lectern.search.eval.SimilarPapersProxy;
import dev.lectern.store.PaperLibrary;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    description = {
      "Relevance of the search modes on judged queries.",
      "nDCG@10, MRR@10 and Recall@100 per mode over the library's papers, matched to the judgments by "
          + "normalized title. A last line scores similar papers by proxy: how many of the other papers "
          + "judged relevant to the same query each relevant paper's similar papers bring up."
    })
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--queries", required = true, description = "Queries, id<TAB>text per line.")
  Path queries;

  @Option(
      names = "--qrels",
      required = true,
      description = "Judgments, query_id<TAB>grade<TAB>n<TAB>title per line.")
  Path qrels;

  @Option(
      names = "--mode",
      defaultValue = "all",
      description = "lexical, semantic, hybrid or all (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--per-query", description = "Also print nDCG@10 of every query.")
  boolean perQuery;

  @Override
  public Integer call() {
    var set = EvalFiles.load(queries, qrels);
    var err = main.spec().commandLine().getErr();
    set.warnings().forEach(w -> err.println("warning: " + w));
    var lectern = main.lectern();
    List<Mode> modes =
        mode.equalsIgnoreCase("all")
            ? List.of(Mode.values())
            : List.of(Choices.parse(Mode.class, mode, "--mode"));
    SearchService search = lectern.search(modes.stream().anyMatch(m -> m != Mode.LEXICAL));
    Map<String, Retriever> retrievers = new LinkedHashMap<>();
    for (Mode m : modes) retrievers.put(m.name().toLowerCase(Locale.ROOT), retriever(search, m));
    var results = new RelevanceEvaluation(set).evaluateAll(retrievers);
    var out = main.spec().commandLine().getOut();
    out.print(RelevanceEvaluation.format(results));
    if (perQuery) out.print(RelevanceEvaluation.formatPerQuery(results));
    var similar =
        SimilarPapersProxy.evaluate(
            set,
            judgedPaperIds(set, lectern.library()),
            id -> search.similar(id, SimilarPapersProxy.AT).stream().map(Hit::title).toList());
    if (similar.papers() > 0) {
      out.printf(
          Locale.ROOT,
          "similar papers: %.3f of the other papers judged relevant to the same query in the top %d"
              + " (proxy, over %d judged papers)%n",
          similar.share(),
          SimilarPapersProxy.AT,
          similar.papers());
    }
    return 0;
  }

  /** The library's paper id of each judged title it holds. */
  private static Map<String, String> judgedPaperIds(RelevanceSet set, PaperLibrary library) {
    Set<String> judged = new HashSet<>();
    set.qrels().byQuery().values().forEach(grades -> judged.addAll(grades.keySet()));
    return library.idsByTitleKey(judged);
  }

  private static Retriever retriever(SearchService search, Mode mode) {
    return (query, k) ->
        search
            .search(
                SearchRequest.of(query)
                    .withMode(mode)
                    .page(0, Math.min(k, SearchRequest.MAX_LIMIT)))
            .hits()
            .stream()
            .map(Hit::title)
            .toList();
  }
}
