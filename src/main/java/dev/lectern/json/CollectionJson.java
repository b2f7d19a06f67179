package dev.lectern.json;

import dev.lectern.user.PaperCollections.Collection;
import dev.lectern.user.PaperCollections.Entry;
import dev.lectern.user.PaperMarks.Slice;
import java.util.List;

/**
 * A collection and a page of its papers, the most recently added first, each with its note: the
 * API's answer and the collection's JSON export alike.
 */
public record CollectionJson(
    long id,
    String name,
    String created,
    int total,
    int offset,
    int limit,
    List<CollectedJson> papers) {

  /** A paper of the collection, its note (null for none) and when it was added. */
  public record CollectedJson(String note, String added, PaperJson paper) {}

  public static CollectionJson of(Collection c, Slice<Entry> slice, int offset, int limit) {
    return new CollectionJson(
        c.id(),
        c.name(),
        c.created().toString(),
        slice.total(),
        offset,
        limit,
        slice.items().stream()
            .map(e -> new CollectedJson(e.note(), e.added().toString(), PaperJson.of(e.paper())))
            .toList());
  }
}
