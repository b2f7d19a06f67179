package dev.lectern.index;

import java.util.HashMap;
import java.util.Map;

/**
 * How far the index has followed the library, kept in the user data of each Lucene commit so that
 * it is exactly as durable as the documents it describes: the last library change applied, the
 * embedding model whose vectors the index holds, and the version of the document layout.
 *
 * @param changeSeq last library change sequence number applied; 0 for an empty index
 * @param model embedding model id of the indexed vectors; null before the first sync
 * @param schema {@link #SCHEMA} of the code that wrote the index; an index of another layout is
 *     rebuilt
 */
public record Watermark(long changeSeq, String model, int schema) {
  /**
   * Bump when fields or analysis change: older indexes are then rebuilt from the library on open. 2
   * = Krovetz stemming instead of Porter; 3 = LaTeX decoded before tokenizing (Gr\"obner indexed as
   * grobner, not gr obner).
   */
  public static final int SCHEMA = 3;

  static final Watermark EMPTY = new Watermark(0, null, SCHEMA);

  static Watermark from(Map<String, String> userData) {
    if (userData == null || !userData.containsKey("lectern.changeSeq")) return EMPTY;
    try {
      return new Watermark(
          Long.parseLong(userData.get("lectern.changeSeq")),
          userData.get("lectern.model"),
          Integer.parseInt(userData.getOrDefault("lectern.schema", "0")));
    } catch (NumberFormatException e) {
      return new Watermark(0, null, 0); // unreadable: treated as another schema, so rebuilt
    }
  }

  Map<String, String> toUserData() {
    Map<String, String> m = new HashMap<>();
    m.put("lectern.changeSeq", Long.toString(changeSeq));
    if (model != null) m.put("lectern.model", model);
    m.put("lectern.schema", Integer.toString(schema));
    return m;
  }

  Watermark at(long seq) {
    return new Watermark(seq, model, schema);
  }
}
