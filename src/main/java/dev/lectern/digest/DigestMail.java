package dev.lectern.digest;

import dev.lectern.digest.Digest.Item;
import dev.lectern.digest.DigestSettings.Frequency;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A digest's mail: subject, plain text and HTML. The HTML part is a precompiled JTE template, like
 * the pages, because JTE escapes every text it is given (a paper's title is whatever a source
 * sent); the text part is plain Java, where there is nothing to escape.
 */
public final class DigestMail {
  /** What goes out: the subject and the two parts. */
  public record Composed(String subject, String text, String html) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final String baseUrl;

  /**
   * @param baseUrl where the mail's links point, e.g. {@code https://lectern.example.org}
   */
  public DigestMail(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String unsubscribeUrl(String token) {
    return baseUrl + "/digest/unsubscribe/" + token;
  }

  public Composed compose(Digest d, String unsubscribeToken) {
    DigestMailView view = view(d, unsubscribeToken);
    StringOutput html = new StringOutput();
    templates.render("mail/digest.jte", view, html);
    return new Composed(subject(d), text(view), html.toString());
  }

  static String subject(Digest d) {
    int n = d.items().size();
    String what =
        n == 0 ? "trending papers" : n == 1 ? "1 new paper for you" : n + " new papers for you";
    return "Lectern: " + what + " (" + DAY.format(d.cutoff()) + ")";
  }

  private DigestMailView view(Digest d, String unsubscribeToken) {
    int n = d.items().size();
    // papers that arrived late belong to days before the digest's own (see DigestWindow)
    LocalDate first =
        d.items().stream()
            .map(Digest.Item::day)
            .filter(day -> !day.isAfter(d.cutoff()))
            .reduce(d.since().plusDays(1), (a, b) -> a.isBefore(b) ? a : b);
    if (first.isAfter(d.cutoff())) first = d.cutoff();
    String days =
        first.equals(d.cutoff())
            ? DAY.format(d.cutoff())
            : DAY.format(first) + " to " + DAY.format(d.cutoff());
    String heading =
        n == 0
            ? "Nothing new from your searches and follows; trending papers of " + days
            : n + (n == 1 ? " new paper" : " new papers") + " for you, " + days;
    return new DigestMailView(
        d.user().name(),
        heading,
        papers(d.items().stream().filter(i -> !Digest.onlyRecommended(i)).toList()),
        papers(d.items().stream().filter(Digest::onlyRecommended).toList()),
        papers(d.trending()),
        schedule(d),
        baseUrl + "/subscriptions",
        unsubscribeUrl(unsubscribeToken));
  }

  private List<DigestMailView.Paper> papers(List<Item> items) {
    return items.stream()
        .map(
            i ->
                new DigestMailView.Paper(
                    MailText.title(i.paper()),
                    MailText.authors(i.paper()),
                    MailText.snippet(i.paper()),
                    MailText.paperUrl(baseUrl, i.paper().id()),
                    capitalized(String.join("; ", i.reasons()))))
        .toList();
  }

  private static String schedule(Digest d) {
    DigestSettings s = d.user().settings();
    String when = String.format(Locale.ROOT, "%02d:00 (%s)", s.hour(), d.user().zone().getId());
    return s.frequency() == Frequency.WEEKLY
        ? "weekly on "
            + s.weekday().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
            + "s at "
            + when
        : "daily at " + when;
  }

  /** The text part: the same as the HTML, as lines a terminal or a text-only client shows. */
  static String text(DigestMailView v) {
    StringBuilder b = new StringBuilder();
    b.append("Lectern · your digest, ").append(v.userName()).append("\n\n");
    b.append(v.heading()).append("\n\n");
    int i = 1;
    for (DigestMailView.Paper p : v.papers()) i = numbered(b, i, p);
    if (!v.forYou().isEmpty()) {
      b.append("For you\n\n");
      for (DigestMailView.Paper p : v.forYou()) i = numbered(b, i, p);
    }
    if (!v.trending().isEmpty()) {
      b.append("Trending today\n\n");
      for (DigestMailView.Paper p : v.trending()) {
        b.append("- ").append(p.title()).append('\n');
        if (!p.authors().isEmpty()) b.append("  ").append(p.authors()).append('\n');
        b.append("  ").append(p.url()).append("\n\n");
      }
    }
    b.append("-- \n");
    b.append("You get this digest ").append(v.schedule()).append(".\n");
    b.append("Change your saved searches and digest: ").append(v.settingsUrl()).append('\n');
    b.append("Unsubscribe: ").append(v.unsubscribeUrl()).append('\n');
    return b.toString();
  }

  /** A paper as the text part lists it, numbered {@code i}; returns the next number. */
  private static int numbered(StringBuilder b, int i, DigestMailView.Paper p) {
    b.append(i).append(". ").append(p.title()).append('\n');
    if (!p.authors().isEmpty()) b.append("   ").append(p.authors()).append('\n');
    b.append("   Why: ").append(p.why()).append('\n');
    if (!p.snippet().isEmpty()) b.append("   ").append(p.snippet()).append('\n');
    b.append("   ").append(p.url()).append("\n\n");
    return i + 1;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
