package dev.lectern.user;

import dev.lectern.paper.Paper;
import dev.lectern.user.ImportSources.Entries;
import dev.lectern.user.ImportSources.Unreadable;
import dev.lectern.user.ImportSources.Wanted;
import dev.lectern.user.PaperCollections.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Imports papers into a named collection (made if the user has none by that name): each wanted
 * paper the library has, by arXiv id or else normalized title, is added; the rest are recorded as
 * pending until the library has them (one known by title alone, with the reason that it cannot be
 * fetched).
 */
public final class PaperImport {
  /** Why a paper is pending right after an import. */
  public static final String NOT_YET = "not in the library yet";

  /**
   * Why a paper known by its title alone is pending: nothing can fetch it, so the user should know
   * to remove it or import it again with its arXiv id.
   */
  public static final String NO_ARXIV_ID =
      "no arXiv id, so it cannot be fetched: it joins only if a paper of this exact title reaches"
          + " the library; remove it, or import it again with its arXiv id";

  /**
   * One entry of a report: where it was, and the paper (or what was wanted).
   *
   * @param pendingId the pending row of a pending entry, 0 for others
   * @param reason why a pending entry waits, null for others
   */
  public record Line(String where, String paperId, String label, long pendingId, String reason) {
    Line(String where, String paperId, String label) {
      this(where, paperId, label, 0, null);
    }
  }

  /** What an import did. */
  public record Report(
      Collection collection,
      List<Line> added,
      List<Line> already,
      List<Line> pending,
      List<Unreadable> unreadable) {}

  private final PaperCollections collections;
  private final PendingImports pending;

  public PaperImport(PaperCollections collections, PendingImports pending) {
    this.collections = collections;
    this.pending = pending;
  }

  /**
   * @throws UserDataException for a collection name that is blank or too long
   */
  public Report run(long user, String collectionName, Entries entries) {
    Collection c = collection(user, collectionName);
    Report r =
        new Report(
            c,
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(entries.unreadable()));
    Set<String> seen = new HashSet<>();
    for (Wanted w : entries.wanted()) {
      Optional<Paper> paper = pending.find(w.arxivId(), w.title());
      String key = paper.map(Paper::id).orElse(w.label());
      if (!seen.add(key)) continue; // the same paper twice in one file is one paper
      if (paper.isEmpty()) {
        String reason = w.arxivId() == null ? NO_ARXIV_ID : NOT_YET;
        long id = pending.record(user, c.id(), w.arxivId(), w.title(), reason);
        r.pending().add(new Line(w.where(), w.arxivId(), w.label(), id, reason));
        continue;
      }
      Paper p = paper.get();
      Line line = new Line(w.where(), p.id(), p.title());
      if (collections.holding(user, p.id()).stream().anyMatch(h -> h.id() == c.id()))
        r.already().add(line);
      else {
        collections.add(user, c.id(), p.id());
        r.added().add(line);
      }
    }
    return new Report(
        collections.get(user, c.id()).orElse(c),
        r.added(),
        r.already(),
        r.pending(),
        r.unreadable());
  }

  private Collection collection(long user, String name) {
    String n = name == null ? "" : name.strip();
    for (Collection c : collections.list(user)) if (c.name().equalsIgnoreCase(n)) return c;
    return collections.create(user, n);
  }
}
