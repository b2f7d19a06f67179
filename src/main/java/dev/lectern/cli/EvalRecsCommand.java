package dev.lectern.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.app.Settings;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.eval.DismissalProtocol;
import dev.lectern.recommend.eval.EvalScratch;
import dev.lectern.recommend.eval.RecsEvaluation;
import dev.lectern.recommend.eval.RecsMethods;
import dev.lectern.recommend.eval.RecsReport;
import dev.lectern.recommend.eval.SimulatedUser;
import dev.lectern.store.PaperLibrary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "eval-recs",
    description = {
      "Measure recommendations offline with simulated users.",
      "Each saved Daily Papers page is a topic: a user saved k of its papers, every other paper is "
          + "ranked, and the page's other papers are the ones wanted. nDCG@10, P@10 and MRR for "
          + "Lectern and the baselines. With --snapshot, also a temporal variant: a user saved k "
          + "earlier papers of a category and the later papers are ranked. The papers go into a "
          + "scratch library of their own; your library only lends the vectors it has for the same "
          + "texts and is never changed. Figures and how to read them: docs/recommendations.md."
    })
final class EvalRecsCommand implements Callable<Integer> {
  private static final List<Path> SAMPLE_PAGES =
      List.of("page-a.txt", "page-b.txt", "page-c.txt").stream()
          .map(name -> Path.of("..", "shared", "corpus", "hf-papers", name))
          .toList();

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(
      names = "--pages",
      arity = "1..*",
      description =
          "Saved Daily Papers pages, one topic each (default: ../shared/corpus/hf-papers/page-{a,b,c}.txt).")
  List<Path> pages;

  @Option(
      names = "--snapshot",
      description = "An arXiv metadata snapshot (JSON lines) for the temporal variant.")
  Path snapshot;

  @Option(
      names = "--users",
      defaultValue = "200",
      description =
          "Simulated users per page and k; per k in the temporal variant (default ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--k",
      split = ",",
      defaultValue = "1,3,10",
      description = "Saved papers per user, comma-separated (default ${DEFAULT-VALUE}).")
  List<Integer> ks;

  @Option(
      names = "--split",
      defaultValue = "0.8",
      description =
          "Temporal variant: the share of papers, oldest first, that is the past (default ${DEFAULT-VALUE}).")
  double split;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scratch",
      description =
          "Keep the scratch library (papers and vectors) in this directory and reuse it next time.")
  Path scratch;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(
      names = "--variants",
      description = "Also Lectern's variants tried on the way (docs/recommendations.md).")
  boolean variants;

  @Option(
      names = "--ceiling",
      description =
          "Also supervised ceilings, not methods: linear models trained on every other paper's "
              + "true page, cross-validated (pages only; docs/recommendations.md).")
  boolean ceiling;

  @Option(
      names = "--dismissals",
      description =
          "Also what \"Not interested\" buys: each method shows a user its top 10, the user "
              + "dismisses those off their page, and the next day's ranking (the 10 excluded) is "
              + "measured without and with the dismissals. Pages only, not the temporal variant "
              + "(docs/recommendations.md).")
  boolean dismissals;

  @Override
  public Integer call() {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Variant> report = new LinkedHashMap<>();
    try (EvalScratch lib = EvalScratch.open(main.settings(), scratch, donor(), err::println)) {
      report.put("topics", topics(lib, err));
      if (snapshot != null) report.put("temporal", temporal(lib, err));
    }
    if (json) out.println(toJson(report));
    else report.values().forEach(v -> out.print(v.text()));
    return 0;
  }

  /** One variant's figures and how they were made; {@code groupsAre} says what groups count. */
  record Variant(
      String name,
      int papers,
      String groupsAre,
      Map<String, Integer> groups,
      List<RecsEvaluation.Row> rows,
      Map<String, Map<String, RecsEvaluation.Scores>> ceilings,
      DismissalProtocol.Result dismissals) {
    String text() {
      return String.format(
          "%s: %,d papers; %s %s%n%s%s%s",
          name,
          papers,
          groupsAre,
          groups,
          RecsReport.table(rows),
          RecsReport.ceilings(ceilings),
          dismissals == null ? "" : RecsReport.dismissals(dismissals));
    }
  }

  private Variant topics(EvalScratch scratch, PrintWriter err) {
    EvalScratch.Library lib = scratch.library("topics");
    List<Path> files = pages == null ? SAMPLE_PAGES : pages;
    files.forEach(this::requireFile);
    err.println("importing " + files.size() + " pages into the scratch library " + lib.dir());
    Map<String, List<String>> topics = lib.importPages(files);
    Set<String> all = new LinkedHashSet<>();
    topics.values().forEach(all::addAll);
    PaperVectors vectors = lib.vectors(List.copyOf(all));
    Map<String, List<String>> embedded = new LinkedHashMap<>();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    topics.forEach(
        (page, ids) -> {
          embedded.put(page, ids.stream().filter(vectors::has).toList());
          sizes.put(page, embedded.get(page).size());
        });
    return evaluate(
        "topics (" + users + " users per page and k)",
        lib.papers(vectors.ids()),
        vectors,
        "papers per page",
        sizes,
        embedded,
        k -> SimulatedUser.ofTopics(embedded, vectors.ids(), k, users, seed + k));
  }

  private Variant temporal(EvalScratch scratch, PrintWriter err) {
    EvalScratch.Library lib = scratch.library("temporal");
    requireFile(snapshot);
    err.println("importing " + snapshot + " into the scratch library " + lib.dir());
    List<String> ids = lib.importSnapshot(snapshot);
    PaperVectors vectors = lib.vectors(ids);
    List<Paper> papers = lib.papers(vectors.ids());
    Map<String, Integer> categories = new LinkedHashMap<>();
    return evaluate(
        "temporal ("
            + users
            + " users per k; the newest "
            + Math.round(100 * (1 - split))
            + "% of papers ranked)",
        papers,
        vectors,
        "users per category",
        categories,
        null,
        k -> {
          var made = SimulatedUser.ofCategories(papers, split, k, users, 5, seed + k);
          made.forEach(u -> categories.merge(u.group(), 1, Integer::sum));
          return made;
        });
  }

  private Variant evaluate(
      String name,
      List<Paper> papers,
      PaperVectors vectors,
      String groupsAre,
      Map<String, Integer> groups,
      Map<String, List<String>> topics,
      Function<Integer, List<SimulatedUser>> users) {
    Map<Integer, List<SimulatedUser>> byK = new LinkedHashMap<>();
    for (int k : ks) byK.put(k, users.apply(k));
    var rankers = RecsMethods.all(papers, vectors, seed);
    if (variants) rankers.putAll(RecsMethods.variants(papers, vectors));
    Map<String, RecsEvaluation.Method> methods = new LinkedHashMap<>();
    rankers.forEach((m, ranker) -> methods.put(m, user -> RecsEvaluation.score(ranker, user)));
    Map<String, Map<String, RecsEvaluation.Scores>> byTopic = new LinkedHashMap<>();
    if (ceiling && topics != null) {
      methods.putAll(RecsMethods.cleanNegatives(topics, vectors, seed));
      RecsMethods.ceilings(topics, papers, vectors, seed)
          .forEach(
              (m, c) -> {
                methods.put(m, c::score);
                byTopic.put(m, c.byTopic());
              });
    }
    var rows = RecsEvaluation.evaluateMethods(methods, byK);
    DismissalProtocol.Result dismissed =
        dismissals && topics != null
            ? DismissalProtocol.evaluate(() -> RecsMethods.all(papers, vectors, seed), byK)
            : null;
    return new Variant(name, vectors.size(), groupsAre, groups, rows, byTopic, dismissed);
  }

  private void validate() {
    var line = spec.commandLine();
    if (users < 1) throw new ParameterException(line, "--users must be 1 or more");
    if (ks.isEmpty() || ks.stream().anyMatch(k -> k < 1))
      throw new ParameterException(line, "--k takes saved-paper counts of 1 or more");
    if (!(split > 0 && split < 1))
      throw new ParameterException(line, "--split must be between 0 and 1");
  }

  private void requireFile(Path file) {
    if (!Files.isRegularFile(file))
      throw new ParameterException(spec.commandLine(), "cannot read " + file + ": no such file");
  }

  /** The user's library, to lend vectors, when there is one (none is created for it). */
  private PaperLibrary donor() {
    Settings settings = main.settings();
    String url = settings.getOrNull(Settings.DATABASE_URL);
    boolean embedded = url == null || url.isBlank();
    if (embedded && !Files.exists(settings.dataDir().resolve("library.db"))) return null;
    return main.lectern().library();
  }

  private static String toJson(Map<String, Variant> report) {
    Map<String, Object> out = new LinkedHashMap<>();
    report.forEach(
        (key, variant) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", variant.name());
          m.put("papers", variant.papers());
          m.put("groupsAre", variant.groupsAre());
          m.put("groups", variant.groups());
          m.put("rows", new ArrayList<>(variant.rows()));
          if (!variant.ceilings().isEmpty()) m.put("ceilingsByGroup", variant.ceilings());
          if (variant.dismissals() != null) m.put("dismissals", variant.dismissals());
          out.put(key, m);
        });
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures always serialize", e);
    }
  }
}
