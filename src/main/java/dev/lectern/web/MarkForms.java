package dev.lectern.web;

import dev.lectern.paper.Paper;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperCollections.Added;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.PaperMarks.State;
import dev.lectern.web.view.MarkState;
import dev.lectern.web.view.PaperCard;
import dev.lectern.web.view.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The viewer's votes, saves and "not interested" on papers: shown on every card and paper page, and
 * changed by small forms that POST here and come back (303) to the page they were sent from.
 */
final class MarkForms {
  private final PaperMarks marks;
  private final PaperCollections collections;
  private final Viewers viewers;

  MarkForms(PaperMarks marks, PaperCollections collections, Viewers viewers) {
    this.marks = marks;
    this.collections = collections;
    this.viewers = viewers;
  }

  void register(RoutesConfig routes) {
    routes.post("/library/vote", ctx -> mark(ctx, Mark.VOTED));
    routes.post("/library/save", ctx -> mark(ctx, Mark.SAVED));
    routes.post("/library/dismiss", ctx -> mark(ctx, Mark.DISMISSED));
    routes.post("/library/collect", this::collect);
  }

  /** The cards with the viewer's marks on them, and the page's own address to come back to. */
  List<PaperCard> decorate(Context ctx, List<PaperCard> cards) {
    if (cards.isEmpty()) return cards;
    Viewer viewer = viewers.of(ctx);
    List<String> ids = cards.stream().map(PaperCard::id).toList();
    Map<String, State> states = marks.of(viewer.userId(), ids);
    Map<String, Integer> votes = marks.votes(ids);
    String here = here(ctx);
    return cards.stream()
        .map(c -> c.withMarks(state(viewer, c.id(), states, votes, here)))
        .toList();
  }

  /** The viewer's marks on one paper, for its page. */
  MarkState state(Context ctx, String paperId) {
    Viewer viewer = viewers.of(ctx);
    List<String> id = List.of(paperId);
    return state(viewer, paperId, marks.of(viewer.userId(), id), marks.votes(id), here(ctx));
  }

  private static MarkState state(
      Viewer viewer,
      String id,
      Map<String, State> states,
      Map<String, Integer> votes,
      String next) {
    State s = states.getOrDefault(id, State.NONE);
    return new MarkState(
        id,
        votes.getOrDefault(id, 0),
        s.voted(),
        s.saved(),
        s.dismissed(),
        next,
        viewer.csrfToken());
  }

  /** The page being rendered, as a form's {@code next}. */
  static String here(Context ctx) {
    String q = ctx.queryString();
    return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
  }

  private void mark(Context ctx, Mark mark) {
    String id = Forms.required(ctx, "paper");
    boolean on = Forms.on(ctx);
    String next = Forms.next(ctx, null);
    Paper p =
        marks.set(viewers.of(ctx).userId(), id, mark, on).orElseThrow(() -> PaperPage.unknown(id));
    if (next != null && on && mark != Mark.VOTED && ForYouPage.isList(next)) {
      // the card leaves the list: say so at the top, and go on at the card that followed it
      Forms.back(ctx, ForYouPage.done(mark == Mark.SAVED ? "saved" : "dismissed", p.id(), next));
      return;
    }
    Forms.back(ctx, next == null ? Links.paper(p.id()) : toCard(next, p.id()));
  }

  /** Back to the card that was clicked, not the top of a long list. */
  static String toCard(String next, String id) {
    return next.contains("#") ? next : next + "#" + anchor(id);
  }

  /** A card's element id. */
  static String anchor(String id) {
    return "paper-" + id;
  }

  /** Adds the paper to one of the viewer's collections, or to a new one named in the form. */
  private void collect(Context ctx) {
    long user = viewers.of(ctx).userId();
    String id = Forms.required(ctx, "paper");
    String next = Forms.next(ctx, null);
    String chosen = Forms.required(ctx, "collection");
    long collection =
        chosen.equals("new")
            ? collections.create(user, ctx.formParam("name")).id()
            : Forms.id(chosen, CollectionPages.unknown(chosen));
    Added added = collections.add(user, collection, id);
    if (added == Added.NO_PAPER) throw PaperPage.unknown(id);
    if (added == Added.NO_COLLECTION) throw CollectionPages.unknown(chosen);
    Forms.back(ctx, next == null ? CollectionPages.href(collection) : next);
  }
}
