package dev.lectern.recommend.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The evaluation's figures as a table for people. */
public final class RecsReport {
  private RecsReport() {}

  /**
   * One block per k: each method's nDCG@10, P@10 and MRR, and its nDCG@10 less Lectern's over the
   * same users, with that difference's standard error (much smaller than a figure's own noise,
   * since two methods' figures for one user move together).
   */
  public static String table(List<RecsEvaluation.Row> rows) {
    Map<Integer, List<RecsEvaluation.Row>> byK = new TreeMap<>();
    for (var r : rows) byK.computeIfAbsent(r.k(), k -> new ArrayList<>()).add(r);
    StringBuilder out = new StringBuilder();
    boolean paired = rows.stream().anyMatch(r -> r.paired() != null);
    String name = "%-" + width(rows.stream().map(RecsEvaluation.Row::method).toList()) + "s";
    byK.forEach(
        (k, block) -> {
          out.append(
              String.format(
                  Locale.ROOT,
                  "k = %d (%d users)%n  " + name + " %8s %6s %6s%s%n",
                  k,
                  block.getFirst().users(),
                  "method",
                  "nDCG@10",
                  "P@10",
                  "MRR",
                  paired ? "   nDCG@10 - " + RecsEvaluation.REFERENCE + "'s" : ""));
          for (var r : block) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "  " + name + " %8.3f %6.3f %6.3f%s%n",
                    r.method(),
                    r.ndcg(),
                    r.precision(),
                    r.mrr(),
                    difference(r.paired())));
          }
        });
    return out.toString();
  }

  /**
   * The supervised ceilings with nothing saved, each page's whole library ranked: nDCG@10 per page
   * and their mean (pages weigh alike, as the simulated users do), then P@10 and MRR's means.
   */
  public static String ceilings(Map<String, Map<String, RecsEvaluation.Scores>> ceilings) {
    if (ceilings.isEmpty()) return "";
    StringBuilder out =
        new StringBuilder(
            "supervised ceilings, not methods (every other paper's page known; nothing saved):\n");
    String label = "%-" + width(ceilings.keySet()) + "s";
    ceilings.forEach(
        (name, byPage) -> {
          StringBuilder pages = new StringBuilder();
          double ndcg = 0, precision = 0, mrr = 0;
          for (var e : byPage.entrySet()) {
            pages.append(String.format(Locale.ROOT, " %s %.3f", e.getKey(), e.getValue().ndcg()));
            ndcg += e.getValue().ndcg() / byPage.size();
            precision += e.getValue().precision() / byPage.size();
            mrr += e.getValue().mrr() / byPage.size();
          }
          out.append(
              String.format(
                  Locale.ROOT,
                  "  " + label + " nDCG@10%s; mean %.3f / P@10 %.3f / MRR %.3f%n",
                  name,
                  pages,
                  ndcg,
                  precision,
                  mrr));
        });
    return out.toString();
  }

  /** The widest name, at least 30 characters, so that long method names keep columns in line. */
  private static int width(java.util.Collection<String> names) {
    return Math.max(30, names.stream().mapToInt(String::length).max().orElse(0));
  }

  /**
   * The dismissal protocol's day 2, one block per k: per method the papers dismissed on day 1, the
   * figures without and with the dismissals, nDCG@10 with less without, and nDCG@10 without less
   * Lectern's with, each difference with its standard error over the same users.
   */
  public static String dismissals(DismissalProtocol.Result result) {
    Map<Integer, Map<String, RecsEvaluation.Row>> byK = new TreeMap<>();
    for (var r : result.rows())
      byK.computeIfAbsent(r.k(), k -> new LinkedHashMap<>()).put(r.method(), r);
    StringBuilder out =
        new StringBuilder(
            "day 2 after \"Not interested\" on day 1's top "
                + DismissalProtocol.SHOWN
                + " papers off the user's page (shown papers excluded for every method):\n");
    byK.forEach(
        (k, rows) -> {
          out.append(
              String.format(
                  Locale.ROOT,
                  "k = %d (%d users)%n  %-22s %9s  %-21s  %-21s  %s%n",
                  k,
                  rows.values().iterator().next().users(),
                  "",
                  "",
                  "without dismissals",
                  "with dismissals",
                  "nDCG@10 differences"));
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-22s %9s  %-21s  %-21s  %-16s  %s%n",
                  "method",
                  "dismissed",
                  FIGURES,
                  FIGURES,
                  "with - without",
                  "without - " + DismissalProtocol.REFERENCE));
          result
              .dismissed()
              .get(k)
              .forEach(
                  (method, dismissed) -> {
                    var without = rows.get(method);
                    var with = rows.get(method + DismissalProtocol.WITH);
                    out.append(
                        String.format(
                            Locale.ROOT,
                            "  %-22s %9.2f  %-21s  %-21s  %-16s  %s%n",
                            method,
                            dismissed,
                            figures(without),
                            figures(with),
                            difference(with.paired()).strip(),
                            difference(without.paired()).strip()));
                  });
        });
    return out.toString();
  }

  private static final String FIGURES = "nDCG@10   P@10    MRR";

  private static String figures(RecsEvaluation.Row r) {
    return String.format(Locale.ROOT, "%7.3f %6.3f %6.3f", r.ndcg(), r.precision(), r.mrr());
  }

  private static String difference(RecsEvaluation.Paired paired) {
    if (paired == null) return "";
    return String.format(Locale.ROOT, "   %+.3f ± %.3f", paired.ndcg().mean(), paired.ndcg().se());
  }
}
