package dev.lectern.json;

import dev.lectern.user.PaperMarks.Marked;
import dev.lectern.user.PaperMarks.Slice;
import java.util.List;

/** A page of the caller's saved papers, newest saved first, and how many they saved. */
public record SavedJson(int total, int offset, int limit, List<SavedPaperJson> papers) {
  /** A saved paper and when it was saved. */
  public record SavedPaperJson(String savedAt, PaperJson paper) {}

  public static SavedJson of(Slice<Marked> slice, int offset, int limit) {
    return new SavedJson(
        slice.total(),
        offset,
        limit,
        slice.items().stream()
            .map(m -> new SavedPaperJson(m.at().toString(), PaperJson.of(m.paper())))
            .toList());
  }
}
