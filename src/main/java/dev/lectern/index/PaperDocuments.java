package dev.lectern.index;

import dev.lectern.paper.Paper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Turns a paper (and its vector, if any) into the Lucene document of the index, and back. */
public final class PaperDocuments {
  /**
   * Title and abstract keep offsets in the postings so the highlighter need not re-analyze them.
   */
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private final FacetsConfig facets = facetsConfig();

  /** The facet configuration shared by indexing and counting. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(IndexFields.FACET_CATEGORY, true);
    return config;
  }

  Document toDocument(Paper p, float[] vector) throws IOException {
    Document d = new Document();
    d.add(new StringField(IndexFields.ID, p.id(), Field.Store.YES));
    d.add(new Field(IndexFields.TITLE, p.title(), TEXT_WITH_OFFSETS));
    d.add(new Field(IndexFields.ABSTRACT, p.abstractText(), TEXT_WITH_OFFSETS));
    for (String author : p.authors()) {
      // one value per author: a position gap keeps "author:"Ada Babbage"" from matching across two
      // names
      d.add(new TextField(IndexFields.AUTHORS, author, Field.Store.YES));
    }
    for (String cat : p.categories()) {
      d.add(new StringField(IndexFields.CATEGORY, cat, Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(IndexFields.FACET_CATEGORY, cat));
    }
    if (p.submitted() != null) {
      long day = p.submitted().toEpochDay();
      d.add(new LongPoint(IndexFields.SUBMITTED, day));
      d.add(new NumericDocValuesField(IndexFields.SUBMITTED, day));
      d.add(new StoredField(IndexFields.SUBMITTED, day));
      d.add(
          new SortedSetDocValuesFacetField(
              IndexFields.FACET_YEAR, Integer.toString(p.submitted().getYear())));
    }
    if (p.upvotes() != null) {
      d.add(new NumericDocValuesField(IndexFields.UPVOTES, p.upvotes()));
      d.add(new StoredField(IndexFields.UPVOTES, p.upvotes()));
    }
    if (vector != null) {
      d.add(
          new KnnFloatVectorField(
              IndexFields.VECTOR, unit(vector), VectorSimilarityFunction.DOT_PRODUCT));
    }
    return facets.build(d);
  }

  /** What a search hit shows of a paper, read from the stored fields. */
  public record StoredPaper(
      String id,
      String title,
      String abstractText,
      List<String> authors,
      List<String> categories,
      LocalDate submitted,
      Integer upvotes) {}

  public static StoredPaper fromDocument(Document d) {
    var day = d.getField(IndexFields.SUBMITTED);
    var up = d.getField(IndexFields.UPVOTES);
    return new StoredPaper(
        d.get(IndexFields.ID),
        d.get(IndexFields.TITLE),
        d.get(IndexFields.ABSTRACT),
        List.of(d.getValues(IndexFields.AUTHORS)),
        List.of(d.getValues(IndexFields.CATEGORY)),
        day == null ? null : LocalDate.ofEpochDay(day.numericValue().longValue()),
        up == null ? null : up.numericValue().intValue());
  }

  /**
   * Dot product equals cosine only for unit vectors; the embedder promises them, but a vector from
   * another tool would silently rank wrong, so normalize (a no-op for unit vectors up to rounding).
   */
  static float[] unit(float[] v) {
    double sum = 0;
    for (float x : v) sum += x * x;
    if (sum == 0 || Math.abs(sum - 1) < 1e-4) return v;
    float inv = (float) (1 / Math.sqrt(sum));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
    return out;
  }

  private static FieldType textWithOffsets() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }
}
