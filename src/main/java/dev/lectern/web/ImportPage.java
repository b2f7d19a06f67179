package dev.lectern.web;

import dev.lectern.digest.InvalidInput;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.digest.Subscriptions;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.ImportSources;
import dev.lectern.user.ImportSources.Entries;
import dev.lectern.user.ImportSources.Unreadable;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperImport;
import dev.lectern.user.PaperImport.Line;
import dev.lectern.user.PaperImport.Report;
import dev.lectern.user.PendingFetch;
import dev.lectern.web.view.ImportView;
import dev.lectern.web.view.ImportView.PendingLine;
import dev.lectern.web.view.ImportView.Result;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start ({@code /library/import}): paste arXiv ids or links, or upload a BibTeX or CSL-JSON
 * file, into a collection; and follow categories and authors. The answer to a submit is the page
 * again with what happened to each entry (not a redirect: the report is for this submit only).
 */
final class ImportPage {
  /** An upload's bound: a BibTeX file of a few thousand entries. */
  static final int MAX_FILE = 2 * 1024 * 1024;

  static final int CATEGORIES = 16;
  static final String DEFAULT_COLLECTION = "Imported";

  /**
   * How long a submit waits on arXiv for pending papers. Inline rather than in the background so
   * the answer says what arrived; arXiv's pace (seconds a request) leaves a long list to the
   * collection's "Fetch now" button.
   */
  static final Duration FETCH_BUDGET = Duration.ofSeconds(15);

  static final int FETCH_MAX = 10;

  private final PaperImport imports;
  private final PendingFetch fetch; // null: pending papers wait for a harvest
  private final PaperCollections collections;
  private final PaperLibrary library;
  private final Subscriptions subscriptions; // null without digests: no follows offered
  private final Viewers viewers;
  private final Renderer renderer;

  ImportPage(
      PaperImport imports,
      PendingFetch fetch,
      PaperCollections collections,
      PaperLibrary library,
      Subscriptions subscriptions,
      Viewers viewers,
      Renderer renderer) {
    this.imports = imports;
    this.fetch = fetch;
    this.collections = collections;
    this.library = library;
    this.subscriptions = subscriptions;
    this.viewers = viewers;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/library/import", ctx -> render(ctx, null));
    routes.post("/library/import", this::submit);
  }

  private void render(Context ctx, Result result) {
    long user = viewers.of(ctx).userId();
    renderer.render(
        ctx,
        "import.jte",
        new ImportView(
            renderer.page(ctx, "Import and follow", "", "library"),
            subscriptions == null ? List.of() : library.commonCategories(CATEGORIES),
            collections.list(user).stream().map(PaperCollections.Collection::name).toList(),
            result));
  }

  private void submit(Context ctx) {
    long user = viewers.of(ctx).userId();
    String text = ctx.formParam("ids");
    UploadedFile file = ctx.uploadedFile("file");
    Entries entries = ImportSources.text(text);
    if (file != null && file.size() > 0) {
      Entries fromFile = ImportSources.file(file.filename(), read(file));
      entries.wanted().addAll(fromFile.wanted());
      entries.unreadable().addAll(fromFile.unreadable());
    }
    List<String> followed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    if (subscriptions != null) {
      for (String c : ctx.formParams("category"))
        follow(user, Kind.CATEGORY, ListPages.category(c), followed, refused);
      String authors = ctx.formParam("authors");
      for (String a : (authors == null ? "" : authors).split("\\R"))
        if (!a.isBlank()) follow(user, Kind.AUTHOR, ListPages.author(a), followed, refused);
    }
    if (entries.wanted().isEmpty()
        && entries.unreadable().isEmpty()
        && followed.isEmpty()
        && refused.isEmpty())
      throw HttpError.badRequest(
          "Nothing to import: paste arXiv ids or links, choose a file, or pick what to follow.");
    Report r = null;
    if (!entries.wanted().isEmpty() || !entries.unreadable().isEmpty()) {
      String name = ctx.formParam("collection");
      r = imports.run(user, name == null || name.isBlank() ? DEFAULT_COLLECTION : name, entries);
    }
    String fetched = null;
    if (r != null && fetch != null && r.pending().stream().anyMatch(l -> l.paperId() != null)) {
      PendingFetch.Outcome o = fetch.run(FETCH_MAX, FETCH_BUDGET);
      fetched =
          o.fetched() + " fetched from arXiv" + (o.failure() == null ? "" : "; " + o.failure());
    }
    render(ctx, result(r, followed, refused, fetched));
  }

  private void follow(
      long user, Kind kind, String target, List<String> done, List<String> refused) {
    try {
      subscriptions.add(user, kind, target, target);
      done.add(target);
    } catch (InvalidInput e) {
      refused.add("follow " + target + ": " + e.getMessage());
    }
  }

  private static Result result(
      Report r, List<String> followed, List<String> refused, String fetched) {
    List<String> unreadable = new ArrayList<>(refused);
    if (r == null)
      return new Result(null, null, List.of(), List.of(), List.of(), unreadable, followed, null);
    for (Unreadable u : r.unreadable()) unreadable.add(u.where() + ": " + u.why());
    return new Result(
        r.collection().name(),
        CollectionPages.href(r.collection().id()),
        lines(r.added()),
        lines(r.already()),
        r.pending().stream()
            .map(
                l ->
                    new PendingLine(
                        line(l),
                        l.reason(),
                        CollectionPages.href(r.collection().id()) + "/pending/remove",
                        l.pendingId()))
            .toList(),
        unreadable,
        followed,
        fetched);
  }

  private static List<String> lines(List<Line> lines) {
    return lines.stream().map(ImportPage::line).toList();
  }

  private static String line(Line l) {
    return l.where()
        + ": "
        + (l.paperId() == null || l.paperId().equals(l.label())
            ? l.label()
            : l.paperId() + " — " + l.label());
  }

  private static String read(UploadedFile file) {
    if (file.size() > MAX_FILE)
      throw HttpError.badRequest("A file to import has at most 2 MiB; this one is larger.");
    try (InputStream in = file.content()) {
      return new String(in.readNBytes(MAX_FILE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded file", e);
    }
  }
}
