package dev.lectern.web;

import dev.lectern.json.CollectionJson;
import dev.lectern.json.CollectionsJson;
import dev.lectern.json.MarksJson;
import dev.lectern.json.SavedJson;
import dev.lectern.paper.Paper;
import dev.lectern.search.SearchRequest;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperCollections.Collection;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * The caller's own data in the JSON API, under {@code /api/v1/me/}: saved papers and collections to
 * read; saves, votes and "not interested" to PUT (mark) and DELETE (unmark). Everything is the
 * caller's (see {@link Viewers}); another user's collection is not found.
 */
final class MeApi {
  private static final String ME = Api.PREFIX + "/me";

  private final PaperMarks marks;
  private final PaperCollections collections;
  private final Viewers viewers;

  MeApi(PaperMarks marks, PaperCollections collections, Viewers viewers) {
    this.marks = marks;
    this.collections = collections;
    this.viewers = viewers;
  }

  void register(RoutesConfig routes) {
    Api.get(routes, ME + "/saved", this::saved);
    Api.get(routes, ME + "/collections", this::collections);
    Api.get(routes, ME + "/collections/{id}", this::collection);
    for (var e :
        List.of(
            new Target(ME + "/saved/{id}", Mark.SAVED),
            new Target(ME + "/votes/{id}", Mark.VOTED),
            new Target(ME + "/dismissed/{id}", Mark.DISMISSED))) {
      routes.put(Api.route(e.path()), ctx -> mark(ctx, e.mark(), true));
      routes.delete(Api.route(e.path()), ctx -> mark(ctx, e.mark(), false));
    }
  }

  private record Target(String path, Mark mark) {}

  private long user(Context ctx) {
    return viewers.of(ctx).userId();
  }

  private void saved(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("offset", "limit"));
    int offset = p.intIn("offset", 0, SearchRequest.MAX_OFFSET, 0);
    int limit = p.intIn("limit", 1, SearchRequest.MAX_LIMIT, 20);
    Api.send(ctx, SavedJson.of(marks.list(user(ctx), Mark.SAVED, offset, limit), offset, limit));
  }

  private void collections(Context ctx) {
    Params.parse(ctx.queryString(), Set.of());
    Api.send(ctx, CollectionsJson.of(collections.list(user(ctx))));
  }

  private void collection(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("offset", "limit"));
    int offset = p.intIn("offset", 0, SearchRequest.MAX_OFFSET, 0);
    int limit = p.intIn("limit", 1, SearchRequest.MAX_LIMIT, 20);
    String raw = ctx.pathParam("id");
    HttpError none = HttpError.notFound("you have no collection with id '" + raw + "'");
    Collection c = collections.get(user(ctx), Forms.id(raw, none)).orElseThrow(() -> none);
    Api.send(
        ctx,
        CollectionJson.of(c, collections.papers(user(ctx), c.id(), offset, limit), offset, limit));
  }

  private void mark(Context ctx, Mark mark, boolean on) {
    Params.parse(ctx.queryString(), Set.of());
    String id = ctx.pathParam("id");
    long user = user(ctx);
    Paper p =
        marks
            .set(user, id, mark, on)
            .orElseThrow(
                () ->
                    HttpError.notFound(
                        "no paper with id '"
                            + id
                            + "' in the library (ids look like 2404.15574 or hep-th/9901001)"));
    Api.send(
        ctx,
        MarksJson.of(
            p.id(), marks.of(user, p.id()), marks.votes(List.of(p.id())).getOrDefault(p.id(), 0)));
  }
}
