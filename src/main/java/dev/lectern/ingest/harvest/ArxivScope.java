package dev.lectern.ingest.harvest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What to harvest from arXiv, given as categories ({@code cs.LG}, {@code stat.ML}, {@code hep-th})
 * or whole archives ({@code cs}, {@code math}), turned into OAI-PMH sets to request and the
 * categories to keep from each. Every repository arXiv has run offers its archives as sets ({@code
 * cs}, {@code math}, {@code physics:hep-th}); categories are kept by reading each record's own
 * categories, so a paper cross-listed to a chosen category counts.
 */
public record ArxivScope(List<String> entries, List<SetHarvest> sets) {
  /**
   * One OAI-PMH set to harvest.
   *
   * @param spec the set, e.g. {@code cs} or {@code physics:astro-ph}
   * @param categories the categories to keep from it; empty keeps every record of the set
   */
  public record SetHarvest(String spec, SortedSet<String> categories) {
    public SetHarvest {
      categories = Collections.unmodifiableSortedSet(new TreeSet<>(categories));
    }

    /** Whether the set is harvested whole. */
    public boolean whole() {
      return categories.isEmpty();
    }

    /** For messages: {@code cs} or {@code cs (cs.AI, cs.LG)}. */
    @Override
    public String toString() {
      return whole() ? spec : spec + " (" + String.join(", ", categories) + ")";
    }
  }

  /** The archives arXiv files under its physics group, whose sets are {@code physics:<archive>}. */
  private static final Set<String> PHYSICS_ARCHIVES =
      Set.of(
          "astro-ph",
          "cond-mat",
          "gr-qc",
          "hep-ex",
          "hep-lat",
          "hep-ph",
          "hep-th",
          "math-ph",
          "nucl-ex",
          "nucl-th",
          "physics",
          "quant-ph");

  private static final Pattern ENTRY =
      Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?|[a-z][a-z-]*(:[a-z][a-z-]*)+");

  public ArxivScope {
    entries = List.copyOf(entries);
    sets = List.copyOf(sets);
  }

  /**
   * The scope of a comma-separated list such as {@code cs.LG, cs.CL, stat.ML}.
   *
   * @throws IllegalArgumentException for an empty list or an entry that is neither a category nor a
   *     set
   */
  public static ArxivScope parse(String list) {
    List<String> entries = new ArrayList<>();
    for (String e : list.split("[,\\s]+")) if (!e.isBlank()) entries.add(e.strip());
    return of(entries);
  }

  public static ArxivScope of(List<String> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          "no arXiv categories to harvest; name some, e.g. cs.LG, stat.ML (or an archive: cs)");
    }
    Map<String, SortedSet<String>> bySet = new LinkedHashMap<>();
    for (String entry : entries) {
      if (!ENTRY.matcher(entry).matches()) {
        throw new IllegalArgumentException(
            "'"
                + entry
                + "' is not an arXiv category (cs.LG, hep-th) or archive (cs, math, physics:hep-th)");
      }
      int dot = entry.indexOf('.');
      String archive = dot < 0 ? entry : entry.substring(0, dot).toLowerCase(Locale.ROOT);
      String spec = setOf(entry, archive, dot >= 0);
      // a whole archive (an empty filter) absorbs its categories, however they are ordered
      SortedSet<String> kept = bySet.get(spec);
      if (dot < 0) bySet.put(spec, new TreeSet<>());
      else if (kept == null) bySet.put(spec, new TreeSet<>(Set.of(entry)));
      else if (!kept.isEmpty()) kept.add(entry);
    }
    List<SetHarvest> sets = new ArrayList<>();
    bySet.forEach((spec, categories) -> sets.add(new SetHarvest(spec, categories)));
    return new ArxivScope(entries, sets);
  }

  /**
   * The set that holds an entry: one given as a set stays so; physics archives are subsets of the
   * physics group, which a bare {@code physics} names whole.
   */
  private static String setOf(String entry, String archive, boolean category) {
    if (entry.contains(":")) return entry;
    boolean physicsGroup = archive.equals("physics") && !category;
    return PHYSICS_ARCHIVES.contains(archive) && !physicsGroup ? "physics:" + archive : archive;
  }

  /** The entries as people read them: {@code cs.LG, cs.CL and stat.ML}. */
  public String label() {
    if (entries.size() == 1) return entries.getFirst();
    return String.join(", ", entries.subList(0, entries.size() - 1)) + " and " + entries.getLast();
  }
}
