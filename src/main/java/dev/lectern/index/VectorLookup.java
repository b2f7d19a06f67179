package dev.lectern.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Reads a paper's vector back from the index (the raw floats are kept beside the quantized graph).
 */
public final class VectorLookup {
  private VectorLookup() {}

  /** The vector of a document, or null when it has none. */
  public static float[] vectorOf(IndexSearcher s, int doc) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
    if (values == null) return null;
    var it = values.iterator();
    int local = doc - leaf.docBase;
    return it.advance(local) == local ? values.vectorValue(it.index()).clone() : null;
  }

  /** Whether the paper is indexed but without a vector. */
  static boolean hasDocumentWithoutVector(IndexSearcher s, String id) throws IOException {
    ScoreDoc[] hit = s.search(new TermQuery(new Term(IndexFields.ID, id)), 1).scoreDocs;
    return hit.length == 1 && vectorOf(s, hit[0].doc) == null;
  }
}
