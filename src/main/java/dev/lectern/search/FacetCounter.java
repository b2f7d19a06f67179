package dev.lectern.search;

import dev.lectern.index.IndexFields;
import dev.lectern.index.PaperDocuments;
import dev.lectern.search.SearchResult.FacetCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

/**
 * Category and year counts over the documents a search matched. The ordinal map behind the counts
 * costs a pass over the index's facet values, so it is built once per index reader (a new one after
 * each sync).
 */
final class FacetCounter {
  static final int TOP_CATEGORIES = 20;

  private record Cached(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private volatile Cached cached;

  Map<String, List<FacetCount>> count(IndexReader reader, FacetsCollector matches)
      throws IOException {
    SortedSetDocValuesReaderState state = state(reader);
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    if (state == null) {
      out.put(IndexFields.FACET_CATEGORY, List.of());
      out.put(IndexFields.FACET_YEAR, List.of());
      return out;
    }
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, matches);
    out.put(
        IndexFields.FACET_CATEGORY,
        values(counts.getTopChildren(TOP_CATEGORIES, IndexFields.FACET_CATEGORY)));
    List<FacetCount> years = new ArrayList<>(values(counts.getAllChildren(IndexFields.FACET_YEAR)));
    years.sort(Comparator.comparing(FacetCount::value).reversed());
    out.put(IndexFields.FACET_YEAR, years);
    return out;
  }

  @SuppressWarnings(
      "ReferenceEquality") // the same object, as Lucene tells an unchanged rewrite or reader
  private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    Cached c = cached;
    if (c != null && c.reader() == reader) return c.state();
    synchronized (this) {
      c = cached;
      if (c != null && c.reader() == reader) return c.state();
      SortedSetDocValuesReaderState state;
      try {
        state = new DefaultSortedSetDocValuesReaderState(reader, PaperDocuments.facetsConfig());
      } catch (IllegalArgumentException e) {
        state = null; // no paper has a category or a date yet: nothing to count
      }
      cached = new Cached(reader, state);
      return state;
    }
  }

  private static List<FacetCount> values(FacetResult r) {
    if (r == null) return List.of();
    List<FacetCount> out = new ArrayList<>(r.labelValues.length);
    for (LabelAndValue lv : r.labelValues) out.add(new FacetCount(lv.label, lv.value.longValue()));
    return out;
  }
}
