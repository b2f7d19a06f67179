package dev.lectern.web;

import dev.lectern.digest.DigestSettings;
import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.digest.Digests;
import dev.lectern.digest.InvalidInput;
import dev.lectern.digest.SavedQuery;
import dev.lectern.digest.Subscription;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.web.view.SearchView.Choice;
import dev.lectern.web.view.SubscriptionsView;
import dev.lectern.web.view.SubscriptionsView.Row;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Saved searches and follows: saving and following from the search, author and category pages, the
 * {@code /subscriptions} page where they are renamed and removed and the digest is set, and the
 * user's Atom feed at its secret link. Each change is a POST that redirects (303) to a page saying
 * what it did; a refused one shows the page again with why, keeping what was typed.
 */
final class SubscriptionPages {
  private static final Map<String, String> DONE =
      Map.of(
          "saved", "The search is saved.",
          "renamed", "Renamed.",
          "removed", "Removed.",
          "digest", "Your digest settings are saved.",
          "feed", "Your feed has a new link; the old one no longer works.");

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

  private final Digests digests;
  private final Renderer renderer;
  private final Viewers viewers;
  private final PublicAddress address;

  SubscriptionPages(Digests digests, Renderer renderer, Viewers viewers, PublicAddress address) {
    this.digests = digests;
    this.renderer = renderer;
    this.viewers = viewers;
    this.address = address;
  }

  void register(RoutesConfig routes) {
    routes.get("/subscriptions", this::page);
    routes.post("/subscriptions/searches", this::saveSearch);
    routes.post("/subscriptions/follows", this::follow);
    routes.post("/subscriptions/digest", this::digest);
    routes.post("/subscriptions/feed", this::newFeed);
    routes.post("/subscriptions/<id>/rename", this::rename);
    routes.post("/subscriptions/<id>/remove", this::remove);
    routes.get("/users/feed/<file>", this::feed);
  }

  private long user(Context ctx) {
    return viewers.of(ctx).userId();
  }

  private void page(Context ctx) {
    String done = Params.parse(ctx.queryString(), java.util.Set.of("done")).get("done");
    render(ctx, done == null ? null : DONE.get(done), null, null);
  }

  private void saveSearch(Context ctx) {
    try {
      SavedQuery q = SavedQuery.parse(form(ctx, "query"));
      String name = form(ctx, "name");
      digests
          .subscriptions()
          .add(user(ctx), Kind.SEARCH, q.canonical(), name.isBlank() ? q.defaultName() : name);
      ctx.redirect("/subscriptions?done=saved", HttpStatus.SEE_OTHER);
    } catch (InvalidInput e) {
      refuse(ctx, e.getMessage(), null);
    }
  }

  private void follow(Context ctx) {
    Kind kind = Kind.of(form(ctx, "kind"));
    if (kind == null || kind == Kind.SEARCH)
      throw HttpError.badRequest("'kind' is author or category");
    String target =
        kind == Kind.AUTHOR
            ? ListPages.author(form(ctx, "target"))
            : ListPages.category(form(ctx, "target"));
    try {
      digests.subscriptions().add(user(ctx), kind, target, target);
    } catch (InvalidInput e) {
      refuse(ctx, e.getMessage(), null);
      return;
    }
    ctx.redirect(
        kind == Kind.AUTHOR ? Links.author(target) : Links.category(target), HttpStatus.SEE_OTHER);
  }

  private void rename(Context ctx) {
    long id = id(ctx);
    String name = form(ctx, "name");
    try {
      if (!digests.subscriptions().rename(user(ctx), id, name)) throw notYours();
      ctx.redirect("/subscriptions?done=renamed", HttpStatus.SEE_OTHER);
    } catch (InvalidInput e) {
      refuse(ctx, e.getMessage(), new Row(id, "", "", name, "", "", e.getMessage()));
    }
  }

  private void remove(Context ctx) {
    if (!digests.subscriptions().remove(user(ctx), id(ctx))) throw notYours();
    String back = ctx.formParam("back");
    boolean toList =
        back != null
            && (back.startsWith("/authors/") || back.startsWith("/categories/"))
            && !back.contains("//");
    ctx.redirect(toList ? back : "/subscriptions?done=removed", HttpStatus.SEE_OTHER);
  }

  private void digest(Context ctx) {
    Frequency f = Frequency.of(form(ctx, "frequency"));
    if (f == null) throw HttpError.badRequest("'frequency' is off, daily or weekly");
    int hour = number(form(ctx, "hour"), "hour", 0, 23);
    int weekday = number(form(ctx, "weekday"), "weekday", 1, 7);
    digests.users().update(user(ctx), f, hour, DayOfWeek.of(weekday), Instant.now());
    ctx.redirect("/subscriptions?done=digest", HttpStatus.SEE_OTHER);
  }

  private void newFeed(Context ctx) {
    digests.users().newFeedGeneration(user(ctx));
    ctx.redirect("/subscriptions?done=feed", HttpStatus.SEE_OTHER);
  }

  /** The feed at its secret link; any token that is not a user's current one is simply unknown. */
  private void feed(Context ctx) {
    String file = ctx.pathParam("file");
    String token = file.endsWith(".atom") ? file.substring(0, file.length() - 5) : "";
    OptionalLong user = digests.tokens().feedUser(token);
    if (user.isEmpty())
      throw HttpError.notFound(
          "There is no feed at this link; its owner may have made a new one on their"
              + " Subscriptions page.");
    Recipient r = digests.users().byId(user.getAsLong()).orElseThrow();
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Robots-Tag", "noindex");
    ctx.contentType("application/atom+xml; charset=utf-8")
        .result(digests.feed().atom(r.id(), r.name(), address.of(ctx), token));
  }

  private void refuse(Context ctx, String error, Row typed) {
    ctx.status(HttpStatus.BAD_REQUEST);
    render(ctx, null, typed == null ? error : null, typed);
  }

  private void render(Context ctx, String notice, String error, Row typed) {
    long userId = user(ctx);
    Recipient me = digests.users().byId(userId).orElse(null);
    List<Row> searches = new ArrayList<>(), follows = new ArrayList<>();
    for (Subscription s : digests.subscriptions().of(userId)) {
      boolean refused = typed != null && typed.id() == s.id();
      Row row =
          new Row(
              s.id(),
              s.kind().key(),
              s.name(),
              refused ? typed.typed() : s.name(),
              href(s),
              s.target(),
              refused ? typed.error() : null);
      (s.kind() == Kind.SEARCH ? searches : follows).add(row);
    }
    DigestSettings settings = me == null ? DigestSettings.DEFAULT : me.settings();
    renderer.render(
        ctx,
        "subscriptions.jte",
        new SubscriptionsView(
            renderer.page(ctx, "Subscriptions", "", "subscriptions"),
            notice,
            error,
            searches,
            follows,
            digestForm(settings, me),
            address.of(ctx) + "/users/feed/" + digests.tokens().feed(userId) + ".atom",
            emailNote(me),
            me == null || me.email() == null,
            serverNote(),
            recent(userId, me == null ? ZoneOffset.UTC : me.zone())));
  }

  private static SubscriptionsView.DigestForm digestForm(DigestSettings s, Recipient me) {
    List<Choice> frequencies = new ArrayList<>();
    for (Frequency f : Frequency.values())
      frequencies.add(new Choice(f.key(), Renderer.capitalized(f.key()), f == s.frequency()));
    List<Choice> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++)
      hours.add(
          new Choice(Integer.toString(h), String.format(Locale.ROOT, "%02d:00", h), h == s.hour()));
    List<Choice> days = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values())
      days.add(
          new Choice(
              Integer.toString(d.getValue()),
              d.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
              d == s.weekday()));
    return new SubscriptionsView.DigestForm(
        frequencies, hours, days, me == null ? "UTC" : me.zone().getId(), null);
  }

  private static String emailNote(Recipient me) {
    if (me == null || me.email() == null)
      return "Your account has no email address yet: digests wait until it has one.";
    return "Digests go to " + me.email() + ".";
  }

  private String serverNote() {
    return digests.settings().canSend()
        ? ""
        : "This Lectern has no mail server set (mail.host), so digests are not sent yet;"
            + " lectern digest --dry-run shows them.";
  }

  private List<String> recent(long userId, ZoneId zone) {
    return digests.sends().recent(userId, 5).stream()
        .map(
            s ->
                when(s.period(), zone)
                    + ": "
                    + switch (s.status()) {
                      case EMPTY -> "nothing new, no mail";
                      case SENT -> "sent";
                      case PENDING, SENDING ->
                          s.attempts() == 0
                              ? "waiting to be sent"
                              : "not sent yet (" + s.attempts() + " tries; " + s.lastError() + ")";
                    })
        .toList();
  }

  /** A digest's period (an instant, as stored) as the user reads the hour it was due. */
  private static String when(String period, ZoneId zone) {
    try {
      return WHEN.format(Instant.parse(period).atZone(zone));
    } catch (DateTimeParseException e) {
      return period;
    }
  }

  private static String href(Subscription s) {
    return switch (s.kind()) {
      case SEARCH -> "/search?" + s.target();
      case AUTHOR -> Links.author(s.target());
      case CATEGORY -> Links.category(s.target());
    };
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw notYours();
    }
  }

  private static int number(String v, String name, int min, int max) {
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // said below
    }
    throw HttpError.badRequest("'" + name + "' is a whole number from " + min + " to " + max);
  }

  private static HttpError notYours() {
    return HttpError.notFound("You have no saved search or follow with that number.");
  }
}
