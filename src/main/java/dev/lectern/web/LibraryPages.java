package dev.lectern.web;

import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.PaperMarks.Marked;
import dev.lectern.user.PaperMarks.Slice;
import dev.lectern.web.view.LibraryView;
import dev.lectern.web.view.LibraryView.CollectionLink;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The viewer's library ({@code /library}: saved papers, newest saved first, and collections), the
 * papers they are not interested in ({@code /library/dismissed}), and the form that creates a
 * collection.
 */
final class LibraryPages {
  static final int PAGE_SIZE = 30;
  static final int MAX_PAGE = 10_000;

  private final PaperMarks marks;
  private final PaperCollections collections;
  private final MarkForms forms;
  private final Viewers viewers;
  private final Renderer renderer;

  LibraryPages(
      PaperMarks marks,
      PaperCollections collections,
      MarkForms forms,
      Viewers viewers,
      Renderer renderer) {
    this.marks = marks;
    this.collections = collections;
    this.forms = forms;
    this.viewers = viewers;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/library", ctx -> list(ctx, Mark.SAVED));
    routes.get("/library/dismissed", ctx -> list(ctx, Mark.DISMISSED));
    routes.post("/collections", this::create);
  }

  private void list(Context ctx, Mark mark) {
    Params p = Params.parse(ctx.queryString(), Set.of("page"));
    int page = p.intIn("page", 1, MAX_PAGE, 1);
    long user = viewers.of(ctx).userId();
    Slice<Marked> slice = marks.list(user, mark, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    boolean saved = mark == Mark.SAVED;
    String base = saved ? "/library" : "/library/dismissed";
    int total = slice.total();
    boolean more = page * PAGE_SIZE < total;
    renderer.render(
        ctx,
        "library.jte",
        new LibraryView(
            renderer.page(ctx, saved ? "Library" : "Not interested", "", "library"),
            !saved,
            String.format(
                Locale.ROOT,
                "%,d %s",
                total,
                saved
                    ? (total == 1 ? "saved paper" : "saved papers")
                    : (total == 1 ? "paper" : "papers")),
            (page - 1) * PAGE_SIZE + 1,
            forms.decorate(
                ctx, slice.items().stream().map(m -> Cards.of(m.paper(), null)).toList()),
            page > 1 ? base + (page == 2 ? "" : "?page=" + (page - 1)) : null,
            more ? base + "?page=" + (page + 1) : null,
            saved ? links(user) : List.of(),
            saved ? marks.list(user, Mark.DISMISSED, 0, 1).total() : 0));
  }

  private List<CollectionLink> links(long user) {
    return collections.list(user).stream()
        .map(c -> new CollectionLink(c.name(), CollectionPages.href(c.id()), c.papers()))
        .toList();
  }

  private void create(Context ctx) {
    String next = Forms.next(ctx, null);
    long id = collections.create(viewers.of(ctx).userId(), ctx.formParam("name")).id();
    Forms.back(ctx, next == null ? CollectionPages.href(id) : next);
  }
}
