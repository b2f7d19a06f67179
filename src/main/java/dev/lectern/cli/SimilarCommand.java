package dev.lectern.cli;

import dev.lectern.json.Json;
import dev.lectern.json.SimilarJson;
import dev.lectern.search.SearchRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "similar",
    description = {
      "Papers similar to a paper.",
      "Nearest neighbours by meaning fused with more-like-this by words."
    })
final class SimilarCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", description = "The paper's id, e.g. 2404.15574.")
  String id;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "How many, 1-100 (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--json",
      description = "Print the result as JSON, as GET /api/v1/papers/{id}/similar answers it.")
  boolean json;

  @Override
  public Integer call() {
    var lectern = main.lectern();
    var paper =
        lectern
            .library()
            .get(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no paper with id '"
                            + id
                            + "' in the library (ids look like 2404.15574 or hep-th/9901001)"));
    var hits =
        lectern
            .search(false)
            .similar(paper.id(), Choices.inRange(limit, 1, SearchRequest.MAX_LIMIT, "--limit", ""));
    var out = main.spec().commandLine().getOut();
    if (json) {
      // the API's shape for the same paper (GET /api/v1/papers/{id}/similar)
      out.println(Json.pretty(SimilarJson.of(paper, hits)));
    } else {
      out.println("similar to: " + paper.title() + "  [" + paper.id() + "]");
      new HitPrinter(out, TerminalProgress.isTerminal()).print(hits, 1);
    }
    return 0;
  }
}
