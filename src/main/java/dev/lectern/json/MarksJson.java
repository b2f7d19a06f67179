package dev.lectern.json;

import dev.lectern.user.PaperMarks.State;

/**
 * The caller's marks on a paper after a change, and its local upvotes (all users).
 *
 * @param id the paper's current id (an old title id answers with the arXiv id it moved to)
 */
public record MarksJson(String id, boolean voted, boolean saved, boolean dismissed, int votes) {
  public static MarksJson of(String id, State s, int votes) {
    return new MarksJson(id, s.voted(), s.saved(), s.dismissed(), votes);
  }
}
