package dev.lectern.web;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.ForYou;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserModel;
import dev.lectern.recommend.UserSignals;
import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.TrainingSignals;
import dev.lectern.web.view.ForYouView;
import dev.lectern.web.view.MarkState;
import dev.lectern.web.view.PaperCard;
import dev.lectern.web.view.TrainingView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "For you" ({@code /for-you}): the recent papers the viewer's saved papers point to, each with the
 * saved papers that placed it; and what the models learn from ({@code /for-you/training}), where a
 * paper can be left out or put back.
 */
final class ForYouPage {
  static final int LIMIT = 30;
  static final String PATH = "/for-you";

  /** The notice's element id: where a mark of the list's last card comes back to. */
  static final String NOTICE = "notice";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final ForYou forYou;
  private final TrainingSignals signals;
  private final PaperMarks marks;
  private final PaperLibrary library;
  private final MarkForms forms;
  private final Viewers viewers;
  private final Renderer renderer;

  ForYouPage(
      ForYou forYou,
      TrainingSignals signals,
      PaperMarks marks,
      PaperLibrary library,
      MarkForms forms,
      Viewers viewers,
      Renderer renderer) {
    this.forYou = forYou;
    this.signals = signals;
    this.marks = marks;
    this.library = library;
    this.forms = forms;
    this.viewers = viewers;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::list);
    routes.get("/for-you/training", this::training);
    routes.post("/for-you/training", this::leaveOut);
  }

  /** Whether a form's {@code next} is this list: a mark made there says so at its top. */
  static boolean isList(String next) {
    int end = next.indexOf('#');
    return (end < 0 ? next : next.substring(0, end)).equals(PATH);
  }

  /**
   * The list after a mark from it: a notice of what was done to which paper, at the anchor the form
   * named (the card after the marked one), or at the notice.
   */
  static String done(String what, String paperId, String next) {
    int hash = next.indexOf('#');
    return PATH
        + "?done="
        + what
        + "&paper="
        + URLEncoder.encode(paperId, StandardCharsets.UTF_8)
        + (hash < 0 ? "#" + NOTICE : next.substring(hash));
  }

  private void list(Context ctx) {
    Params query = Params.parse(ctx.queryString(), Set.of("done", "paper"));
    long user = viewers.of(ctx).userId();
    ForYouView.Notice notice = notice(ctx, user, query.get("done"), query.get("paper"));
    ForYou.Result r = forYou.recommend(user, LIMIT);
    List<String> ids = r.recommendations().stream().map(Recommendation::paperId).toList();
    Map<String, PaperDays.Dated> papers =
        library.days().byIds(ids).stream()
            .collect(Collectors.toMap(d -> d.paper().id(), Function.identity()));
    Set<String> named = new LinkedHashSet<>();
    r.recommendations().forEach(rec -> named.addAll(rec.because()));
    Map<String, String> titles = titles(named);
    List<PaperCard> cards = new ArrayList<>();
    List<Recommendation> shown = new ArrayList<>();
    for (Recommendation rec : r.recommendations()) {
      PaperDays.Dated d = papers.get(rec.paperId());
      if (d == null) continue; // gone from the library since the models read it
      cards.add(Cards.of(d.paper(), d.day()));
      shown.add(rec);
    }
    cards = forms.decorate(ctx, cards);
    List<ForYouView.Item> items = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      Recommendation rec = shown.get(i);
      items.add(
          new ForYouView.Item(
              cards.get(i),
              rec.interest(),
              rec.because().stream()
                  .map(id -> new ForYouView.Link(Links.paper(id), titles.getOrDefault(id, id)))
                  .toList()));
    }
    items = nextCards(items);
    marks.markSeen(user, shown.stream().map(Recommendation::paperId).toList());
    renderer.render(
        ctx,
        "foryou.jte",
        new ForYouView(
            renderer.page(ctx, "For you", "", "for-you"),
            notice,
            lead(r, items.size()),
            items,
            learnedFrom(r.interests())));
  }

  /**
   * Each card's forms come back to the card after it (the marked one leaves the list), or to the
   * notice after the last.
   */
  private static List<ForYouView.Item> nextCards(List<ForYouView.Item> items) {
    List<ForYouView.Item> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ForYouView.Item following = i + 1 < items.size() ? items.get(i + 1) : null;
      String to =
          PATH + "#" + (following == null ? NOTICE : MarkForms.anchor(following.card().id()));
      ForYouView.Item it = items.get(i);
      MarkState m = it.card().marks();
      MarkState back =
          m == null
              ? null
              : new MarkState(
                  m.paperId(), m.votes(), m.voted(), m.saved(), m.dismissed(), to, m.csrf());
      out.add(
          new ForYouView.Item(
              back == null ? it.card() : it.card().withMarks(back), it.interest(), it.because()));
    }
    return out;
  }

  /**
   * What a mark from this list did, with the reverse mark to undo it; null when nothing was, or the
   * paper's mark is not (or no longer) what the link says.
   */
  private ForYouView.Notice notice(Context ctx, long user, String done, String paperId) {
    if (done == null || paperId == null) return null;
    boolean saved = done.equals("saved");
    if (!saved && !done.equals("dismissed")) return null;
    PaperMarks.State state = marks.of(user, paperId);
    if (saved ? !state.saved() : !state.dismissed()) return null;
    Map<String, String> title = titles(List.of(paperId));
    if (!title.containsKey(paperId)) return null;
    String t = "“" + title.get(paperId) + "”";
    return new ForYouView.Notice(
        saved ? "Saved " + t + "." : "Not interested in " + t + ".",
        saved ? "/library/save" : "/library/dismiss",
        paperId,
        PATH + "#" + MarkForms.anchor(paperId),
        viewers.of(ctx).csrfToken());
  }

  private static String lead(ForYou.Result r, int count) {
    String window = r.from() == null ? "" : span(r.from(), r.to());
    return switch (r.status()) {
      case READY ->
          String.format(
              Locale.ROOT,
              "%d %s of %s, the best first for what you saved.",
              count,
              count == 1 ? "paper" : "papers",
              window);
      case NOTHING_SAVED ->
          "Nothing saved yet. Press “Save” on papers you like, on Today or in a search, and"
              + " Lectern learns what to suggest here: the more you save, the better it gets.";
      case NOT_EMBEDDED ->
          "Your saved papers are not embedded yet; recommendations come once they are (the"
              + " status page shows how far the embeddings are).";
      case NO_CANDIDATES ->
          window.isEmpty()
              ? "The library has no papers to suggest yet."
              : "No new papers of "
                  + window
                  + " to suggest: each is saved, dismissed, already shown or not embedded yet.";
    };
  }

  private static String span(LocalDate from, LocalDate to) {
    return from.equals(to) ? DAY.format(to) : DAY.format(from) + " – " + DAY.format(to);
  }

  private static String learnedFrom(List<UserModel.Interest> interests) {
    if (interests.isEmpty()) return null;
    long papers = interests.stream().flatMap(i -> i.papers().stream()).distinct().count();
    return String.format(
        Locale.ROOT,
        "%d saved %s in %d %s",
        papers,
        papers == 1 ? "paper" : "papers",
        interests.size(),
        interests.size() == 1 ? "interest" : "interests");
  }

  private void training(Context ctx) {
    Params.parse(ctx.queryString(), Set.of());
    long user = viewers.of(ctx).userId();
    UserSignals s = signals.signals(user);
    List<String> left = signals.untrained(user);
    Set<String> all = new LinkedHashSet<>(s.allSaved());
    all.addAll(left);
    Map<String, String> titles = titles(all);
    List<TrainingView.Interest> interests = new ArrayList<>();
    if (!s.allSaved().isEmpty())
      interests.add(
          new TrainingView.Interest("Everything you saved", papers(s.allSaved(), titles)));
    Map<String, List<String>> collections = new LinkedHashMap<>();
    s.collections().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> collections.put(e.getKey(), e.getValue()));
    collections.forEach(
        (name, ids) ->
            interests.add(
                new TrainingView.Interest("Collection “" + name + "”", papers(ids, titles))));
    renderer.render(
        ctx,
        "training.jte",
        new TrainingView(
            renderer.page(ctx, "What For you learns from", "", "for-you"),
            interests,
            papers(left, titles)));
  }

  private static List<TrainingView.Paper> papers(List<String> ids, Map<String, String> titles) {
    return ids.stream()
        .filter(titles::containsKey)
        .map(id -> new TrainingView.Paper(id, Links.paper(id), titles.get(id)))
        .toList();
  }

  private void leaveOut(Context ctx) {
    String id = Forms.required(ctx, "paper");
    boolean on = Forms.on(ctx);
    if (marks.set(viewers.of(ctx).userId(), id, Mark.UNTRAINED, on).isEmpty())
      throw PaperPage.unknown(id);
    Forms.back(ctx, "/for-you/training");
  }

  /** Titles as pages show them, by id; papers no longer in the library are absent. */
  private Map<String, String> titles(Collection<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Paper p : library.getAll(List.copyOf(ids))) out.put(p.id(), Latex.toUnicode(p.title()));
    return out;
  }
}
