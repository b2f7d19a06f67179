package dev.lectern.web;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.search.HitText;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperCollections.Collection;
import dev.lectern.web.view.LibraryView.CollectionLink;
import dev.lectern.web.view.PaperCard;
import dev.lectern.web.view.PaperView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A paper's page: everything the library knows of it, and its similar papers. Its LaTeX (title,
 * abstract, comments) is shown decoded, with the math left for the page's script to render.
 */
final class PaperPage {
  static final int SIMILAR = 10;

  private final SearchService search;
  private final PaperLibrary library;
  private final Renderer renderer;
  private final MarkForms marks;
  private final PaperCollections collections;
  private final Viewers viewers;

  PaperPage(
      SearchService search,
      PaperLibrary library,
      Renderer renderer,
      MarkForms marks,
      PaperCollections collections,
      Viewers viewers) {
    this.search = search;
    this.library = library;
    this.renderer = renderer;
    this.marks = marks;
    this.collections = collections;
    this.viewers = viewers;
  }

  void register(RoutesConfig routes) {
    routes.get("/papers/<id>", this::paper);
  }

  static HttpError unknown(String id) {
    return HttpError.notFound(
        "No paper with the id '"
            + id
            + "' is in the library. arXiv ids look like 2404.15574 or hep-th/9901001.");
  }

  private void paper(Context ctx) {
    Params.parse(ctx.queryString(), Set.of());
    String id = ctx.pathParam("id");
    Paper p = library.get(id).orElseThrow(() -> unknown(id));
    if (!p.id().equals(id)) { // a title-only id whose paper has since moved to its arXiv id
      ctx.redirect(Links.paper(p.id()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    List<PaperCard> similar = List.of();
    String similarNote = null;
    try {
      similar =
          marks.decorate(ctx, search.similar(p.id(), SIMILAR).stream().map(Cards::of).toList());
      if (similar.isEmpty()) similarNote = "No similar papers found yet.";
    } catch (QueryException e) {
      similarNote =
          "Similar papers are listed once this paper is indexed, within seconds of its import.";
    }
    List<String> dates = new ArrayList<>();
    if (p.submitted() != null) dates.add("submitted " + p.submitted());
    if (p.updated() != null && !p.updated().equals(p.submitted()))
      dates.add("updated " + p.updated());
    if (p.versions() > 0) dates.add(p.versions() + (p.versions() == 1 ? " version" : " versions"));
    boolean arxiv = p.hasArxivId();
    String license = p.license();
    long user = viewers.of(ctx).userId();
    List<Collection> holding = collections.holding(user, p.id());
    renderer.render(
        ctx,
        "paper.jte",
        new PaperView(
            renderer.page(ctx, Latex.toUnicode(p.title()), "", "paper"),
            p.id(),
            HitText.html(p.title()),
            p.authors().stream()
                .map(Latex::toUnicode)
                .map(a -> new PaperView.Author(a, Links.author(a)))
                .toList(),
            p.categories(),
            dates.isEmpty() ? null : String.join(" · ", dates),
            HitText.html(p.abstractText()),
            p.doi(),
            p.doi() == null ? null : "https://doi.org/" + p.doi(),
            Latex.toUnicode(p.journalRef()), // "Phys. Rev. Lett. {\bf 98}", "351--358"
            p.comments() == null ? null : HitText.html(p.comments()),
            license == null ? null : PaperFacts.licenseName(license),
            license != null && (license.startsWith("http://") || license.startsWith("https://"))
                ? license
                : null,
            p.upvotes(),
            arxiv ? Links.arxivAbs(p.id()) : null,
            arxiv ? Links.arxivPdf(p.id()) : null,
            PaperFacts.sourceNames(p.sources()),
            similar,
            similarNote,
            Exports.citation(p),
            marks.state(ctx, p.id()),
            holding.stream()
                .map(c -> new CollectionLink(c.name(), CollectionPages.href(c.id()), c.papers()))
                .toList(),
            collections.list(user).stream()
                .filter(c -> holding.stream().noneMatch(h -> h.id() == c.id()))
                .map(c -> new PaperView.Choice(c.id(), c.name()))
                .toList()));
  }
}
