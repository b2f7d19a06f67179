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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "For you" ({@code /for-you}): the recent papers the viewer's saved papers point to, each with the
 * saved papers that placed it; and what the models learn from ({@code /for-you/training}), where a
 * paper can be left out or put back.
 */
final class ForYouPage {
  /**
   * Papers a page shows. Only the papers of a page opened count as shown (not suggested after
   * today), so a short page leaves those a reader never reached for another day.
   */
  static final int PAGE_SIZE = 10;

  static final int MAX_PAGE = 5;
  static final String PATH = "/for-you";
  private static final Pattern PAGE_PARAM = Pattern.compile("[?&]page=([0-9]{1,2})(?:&|$)");

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

  /** The list's page {@code page}, from 1. */
  static String href(int page) {
    return page <= 1 ? PATH : PATH + "?page=" + page;
  }

  /** Whether a form's {@code next} is this list: a mark made there says so at its top. */
  static boolean isList(String next) {
    return beforeFragment(next).replaceFirst("\\?.*", "").equals(PATH);
  }

  /** The list's page a form's {@code next} names: 1 unless it names one of the list's pages. */
  static int pageOf(String next) {
    Matcher m = PAGE_PARAM.matcher(beforeFragment(next));
    if (!m.find()) return 1;
    int page = Integer.parseInt(m.group(1));
    return page >= 1 && page <= MAX_PAGE ? page : 1;
  }

  private static String beforeFragment(String next) {
    int end = next.indexOf('#');
    return end < 0 ? next : next.substring(0, end);
  }

  /**
   * The list after a mark from it: a notice of what was done to which paper, at the anchor the form
   * named (the card after the marked one), or at the notice.
   */
  static String done(String what, String paperId, String next) {
    int hash = next.indexOf('#');
    int page = pageOf(next);
    return PATH
        + (page == 1 ? "?" : "?page=" + page + "&")
        + "done="
        + what
        + "&paper="
        + URLEncoder.encode(paperId, StandardCharsets.UTF_8)
        + (hash < 0 ? "#" + NOTICE : next.substring(hash));
  }

  private void list(Context ctx) {
    Params query = Params.parse(ctx.queryString(), Set.of("done", "paper", "page"));
    int page = query.intIn("page", 1, MAX_PAGE, 1);
    long user = viewers.of(ctx).userId();
    ForYouView.Notice notice = notice(ctx, user, query.get("done"), query.get("paper"), page);
    // one more than the page needs: whether there is a next page
    ForYou.Result r = forYou.recommend(user, page * PAGE_SIZE + 1);
    List<Recommendation> all = r.recommendations();
    int first = Math.min(all.size(), (page - 1) * PAGE_SIZE);
    List<Recommendation> onPage = all.subList(first, Math.min(all.size(), page * PAGE_SIZE));
    boolean more = page < MAX_PAGE && all.size() > page * PAGE_SIZE;
    List<String> ids = onPage.stream().map(Recommendation::paperId).toList();
    Map<String, PaperDays.Dated> papers =
        library.days().byIds(ids).stream()
            .collect(Collectors.toMap(d -> d.paper().id(), Function.identity()));
    Set<String> named = new LinkedHashSet<>();
    onPage.forEach(rec -> named.addAll(rec.because()));
    Map<String, String> titles = titles(named);
    List<PaperCard> cards = new ArrayList<>();
    List<Recommendation> shown = new ArrayList<>();
    for (Recommendation rec : onPage) {
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
    items = nextCards(items, page);
    marks.markSeen(user, shown.stream().map(Recommendation::paperId).toList());
    renderer.render(
        ctx,
        "foryou.jte",
        new ForYouView(
            renderer.page(ctx, "For you", "", "for-you"),
            notice,
            lead(r, first, items.size()),
            items,
            page > 1 ? href(page - 1) : null,
            more ? href(page + 1) : null,
            learnedFrom(r.interests())));
  }

  /**
   * Each card's forms come back to the card after it (the marked one leaves the list), or to the
   * notice after the last.
   */
  private static List<ForYouView.Item> nextCards(List<ForYouView.Item> items, int page) {
    List<ForYouView.Item> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ForYouView.Item following = i + 1 < items.size() ? items.get(i + 1) : null;
      String to =
          href(page) + "#" + (following == null ? NOTICE : MarkForms.anchor(following.card().id()));
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
  private ForYouView.Notice notice(Context ctx, long user, String done, String paperId, int page) {
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
        href(page) + "#" + MarkForms.anchor(paperId),
        viewers.of(ctx).csrfToken());
  }

  /** What the list is; {@code first} is the number of papers on the pages before this one. */
  private static String lead(ForYou.Result r, int first, int count) {
    String window = r.from() == null ? "" : span(r.from(), r.to());
    if (r.status() == ForYou.Status.READY && first > 0)
      return count == 0
          ? "No more papers of " + window + " to suggest: the earlier pages have them all."
          : String.format(
              Locale.ROOT,
              "Papers %d–%d of %s for what you saved, the best first.",
              first + 1,
              first + count,
              window);
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
    long user = viewers.of(ctx).userId();
    // only what trains a model can be left out of it: a mark on any other paper would sit unseen
    // until the paper was saved, and keep it out of the training then
    if (on && !signals.signals(user).allSaved().contains(id)) {
      if (titles(List.of(id)).isEmpty()) throw PaperPage.unknown(id);
      throw HttpError.badRequest(
          "only a paper you saved or put in a collection can be left out of what For you learns"
              + " from");
    }
    if (marks.set(user, id, Mark.UNTRAINED, on).isEmpty()) throw PaperPage.unknown(id);
    Forms.back(ctx, "/for-you/training");
  }

  /** Titles as pages show them, by id; papers no longer in the library are absent. */
  private Map<String, String> titles(Collection<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Paper p : library.getAll(List.copyOf(ids))) out.put(p.id(), Latex.toUnicode(p.title()));
    return out;
  }
}
