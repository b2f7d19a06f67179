package dev.lectern.web;

import dev.lectern.export.Bibtex;
import dev.lectern.export.PaperCsv;
import dev.lectern.export.PaperLists;
import dev.lectern.json.CollectionJson;
import dev.lectern.paper.Paper;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperCollections.Collection;
import dev.lectern.user.PaperCollections.Entry;
import dev.lectern.user.PaperMarks.Slice;
import dev.lectern.user.PendingFetch;
import dev.lectern.user.PendingImports;
import dev.lectern.web.Exports.Format;
import dev.lectern.web.view.CollectionView;
import dev.lectern.web.view.ListExports;
import dev.lectern.web.view.PaperCard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One of the viewer's collections ({@code /collections/{id}}): its papers with their notes, the
 * forms that edit it, and its exports as BibTeX, CSV and JSON. Another user's collection is, here,
 * one that does not exist (404).
 */
final class CollectionPages {
  static final int PAGE_SIZE = 30;
  static final int MAX_PAGE = 10_000;

  private final PaperCollections collections;
  private final PendingImports pending;
  private final PendingFetch fetch; // null: no "Fetch now"
  private final MarkForms forms;
  private final Viewers viewers;
  private final Renderer renderer;

  CollectionPages(
      PaperCollections collections,
      PendingImports pending,
      PendingFetch fetch,
      MarkForms forms,
      Viewers viewers,
      Renderer renderer) {
    this.collections = collections;
    this.pending = pending;
    this.fetch = fetch;
    this.forms = forms;
    this.viewers = viewers;
    this.renderer = renderer;
  }

  static String href(long id) {
    return "/collections/" + id;
  }

  static HttpError unknown(String id) {
    return HttpError.notFound(
        "You have no collection " + id + ". Your collections are listed in your library.");
  }

  /** Exports before the page, which would take {@code 3.bib} for an id. */
  void register(RoutesConfig routes) {
    for (Format f : List.of(Format.BIB, Format.CSV, Format.JSON))
      routes.get("/collections/<id>." + f.extension(), ctx -> export(ctx, f));
    routes.get("/collections/{id}", this::page);
    routes.post("/collections/{id}/rename", this::rename);
    routes.post("/collections/{id}/delete", this::delete);
    routes.post("/collections/{id}/note", this::note);
    routes.post("/collections/{id}/remove", this::remove);
    routes.post("/collections/{id}/fetch", this::fetch);
    routes.post("/collections/{id}/pending/remove", this::removePending);
  }

  /** Forgets a pending paper, one that will never come (no arXiv id) or was wanted by mistake. */
  private void removePending(Context ctx) {
    Collection c = collection(ctx);
    String raw = Forms.required(ctx, "pending");
    HttpError none =
        HttpError.notFound("The collection '" + c.name() + "' has no pending paper " + raw + ".");
    if (!pending.remove(viewers.of(ctx).userId(), c.id(), Forms.id(raw, none))) throw none;
    Forms.back(ctx, Forms.next(ctx, href(c.id())));
  }

  /** Retries the pending papers now, as an import does; also settles those a harvest brought. */
  private void fetch(Context ctx) {
    Collection c = collection(ctx);
    if (fetch != null) fetch.run(ImportPage.FETCH_MAX, ImportPage.FETCH_BUDGET);
    else pending.settle(viewers.of(ctx).userId());
    Forms.back(ctx, href(c.id()));
  }

  private Collection collection(Context ctx) {
    String raw = ctx.pathParam("id");
    long id = Forms.id(raw, unknown(raw));
    return collections.get(viewers.of(ctx).userId(), id).orElseThrow(() -> unknown(raw));
  }

  private void page(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("page"));
    int page = p.intIn("page", 1, MAX_PAGE, 1);
    Collection c = collection(ctx);
    long user = viewers.of(ctx).userId();
    Slice<Entry> slice = collections.papers(user, c.id(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
    List<PaperCard> cards =
        forms.decorate(ctx, slice.items().stream().map(e -> Cards.of(e.paper(), null)).toList());
    List<CollectionView.Entry> entries = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      String note = slice.items().get(i).note();
      entries.add(new CollectionView.Entry(cards.get(i), note == null ? "" : note));
    }
    String base = href(c.id());
    renderer.render(
        ctx,
        "collection.jte",
        new CollectionView(
            renderer.page(ctx, c.name(), "", "library"),
            c.name(),
            base,
            String.format(Locale.ROOT, "%,d %s", c.papers(), c.papers() == 1 ? "paper" : "papers"),
            (page - 1) * PAGE_SIZE + 1,
            entries,
            page > 1 ? base + (page == 2 ? "" : "?page=" + (page - 1)) : null,
            page * PAGE_SIZE < slice.total() ? base + "?page=" + (page + 1) : null,
            exports(c),
            pending.of(user, c.id()).stream()
                .map(x -> new CollectionView.Pending(x.id(), x.label(), x.reason()))
                .toList(),
            fetch != null));
  }

  /** The export links; a collection has no Atom feed. */
  private static ListExports exports(Collection c) {
    String base = href(c.id());
    return new ListExports(
        "this collection", null, null, null, base + ".bib", base + ".csv", base + ".json");
  }

  private void export(Context ctx, Format format) {
    Params.parse(ctx.queryString(), Set.of());
    Collection c = collection(ctx);
    Slice<Entry> all = collections.papers(viewers.of(ctx).userId(), c.id(), 0, PaperLists.MAX);
    List<Paper> papers = all.items().stream().map(Entry::paper).toList();
    Map<String, String> notes = new HashMap<>();
    for (Entry e : all.items()) if (e.note() != null) notes.put(e.paper().id(), e.note());
    String name = "lectern-collection-" + Exports.slug(c.name());
    switch (format) {
      case BIB -> Exports.send(ctx, format, name + ".bib", Bibtex.entries(papers, notes));
      case CSV -> Exports.send(ctx, format, name + ".csv", PaperCsv.write(papers, notes));
      default -> {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".json\"");
        Api.send(ctx, CollectionJson.of(c, all, 0, PaperLists.MAX));
      }
    }
  }

  private void rename(Context ctx) {
    Collection c = collection(ctx);
    collections.rename(viewers.of(ctx).userId(), c.id(), ctx.formParam("name"));
    Forms.back(ctx, Forms.next(ctx, href(c.id())));
  }

  private void delete(Context ctx) {
    Collection c = collection(ctx);
    collections.delete(viewers.of(ctx).userId(), c.id());
    Forms.back(ctx, "/library");
  }

  private void note(Context ctx) {
    Collection c = collection(ctx);
    String paper = Forms.required(ctx, "paper");
    if (!collections.note(viewers.of(ctx).userId(), c.id(), paper, ctx.formParam("note")))
      throw notIn(c, paper);
    Forms.back(ctx, MarkForms.toCard(Forms.next(ctx, href(c.id())), paper));
  }

  private void remove(Context ctx) {
    Collection c = collection(ctx);
    String paper = Forms.required(ctx, "paper");
    if (!collections.remove(viewers.of(ctx).userId(), c.id(), paper)) throw notIn(c, paper);
    Forms.back(ctx, Forms.next(ctx, href(c.id())));
  }

  private static HttpError notIn(Collection c, String paper) {
    return HttpError.notFound("The collection '" + c.name() + "' has no paper " + paper + ".");
  }
}
