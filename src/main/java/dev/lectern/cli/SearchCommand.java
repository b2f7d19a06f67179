package dev.lectern.cli;

import dev.lectern.json.Json;
import dev.lectern.json.SearchJson;
import dev.lectern.search.Filters;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchResult;
import dev.lectern.search.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "search",
    description = {
      "Search the library by words and by meaning.",
      "Hybrid by default. Syntax: words, \"phrases\", AND/OR/NOT, -word, author:name, cat:cs.LG, year:2024, "
          + "after:2024-01, before:2025. A query that starts with -word goes after --: "
          + "lectern search -- -survey graph."
    })
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(
      arity = "0..*",
      description = "The query (empty: the newest papers matching the filters).")
  List<String> words = List.of();

  @Option(
      names = "--mode",
      defaultValue = "hybrid",
      description = "lexical, semantic or hybrid (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "Results per page, 1-100 (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--offset",
      defaultValue = "0",
      description = "Results to skip, for paging, 0-1000 (default ${DEFAULT-VALUE}).")
  int offset;

  @Option(
      names = "--sort",
      defaultValue = "relevance",
      description = "relevance, date or popularity (default ${DEFAULT-VALUE}).")
  String sort;

  @Option(
      names = "--cat",
      split = ",",
      description = "Only these categories (repeatable or comma-separated), e.g. cs.LG or cs.")
  Set<String> categories = Set.of();

  @Option(
      names = "--from",
      description =
          "Submitted on or after this day, or the first day of this month or year (2024-01-31, 2024-01, 2024).")
  String from;

  @Option(
      names = "--to",
      description = "Submitted on or before this day, or the last day of this month or year.")
  String to;

  @Option(
      names = "--json",
      description = "Print the result as JSON, as GET /api/v1/search answers it.")
  boolean json;

  /**
   * The search command line {@code args} with its query words after {@code --}: options the command
   * knows (and their values) first, everything else after, in order.
   */
  static String withQueryAfterDashes(CommandSpec spec, String[] args) {
    int start = java.util.Arrays.asList(args).indexOf(spec.name()) + 1;
    List<String> options = new ArrayList<>(), query = new ArrayList<>();
    for (int i = start; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) continue;
      OptionSpec o = spec.findOption(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
      if (o == null) {
        query.add(a.contains(" ") ? '"' + a + '"' : a);
        continue;
      }
      options.add(a);
      if (!a.contains("=") && o.arity().min() > 0 && i + 1 < args.length) options.add(args[++i]);
    }
    return String.join(
            " ", spec.qualifiedName(), String.join(" ", options), "--", String.join(" ", query))
        .replaceAll(" +", " ");
  }

  @Override
  public Integer call() {
    Choices.inRange(limit, 1, SearchRequest.MAX_LIMIT, "--limit", "");
    Choices.inRange(
        offset,
        0,
        SearchRequest.MAX_OFFSET,
        "--offset",
        "narrow the search, or sort by date, to reach papers further down");
    SearchRequest request =
        SearchRequest.of(String.join(" ", words))
            .withMode(Choices.parse(Mode.class, mode, "--mode"))
            .withSort(Choices.parse(Sort.class, sort, "--sort"))
            .withFilters(
                new Filters(
                    categories,
                    from == null ? null : UserQuery.firstDayOf(from, "--from"),
                    to == null ? null : UserQuery.lastDayOf(to, "--to"),
                    null))
            .page(offset, limit);
    var lectern = main.lectern();
    SearchResult result = lectern.search(request.mode() != Mode.LEXICAL).search(request);
    var out = main.spec().commandLine().getOut();
    if (json) {
      // the API's shape for the same search (GET /api/v1/search)
      out.println(Json.pretty(SearchJson.of(request, result)));
      return 0;
    }
    result.notes().forEach(n -> out.println("note: " + n));
    out.printf(
        "%s%,d results (%s, %d ms)%n",
        result.totalIsExact() ? "" : "about ",
        result.totalHits(),
        result.modeUsed().name().toLowerCase(Locale.ROOT),
        result.took().toMillis());
    new HitPrinter(out, TerminalProgress.isTerminal()).print(result.hits(), offset + 1);
    return 0;
  }
}
