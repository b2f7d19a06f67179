package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.digest.DigestRun;
import dev.lectern.digest.DigestSettings;
import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.Digests;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.paper.Paper;
import dev.lectern.testing.TestLibrary;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's whole journey with digests, in multi-user mode, through a real server, library,
 * index, SMTP server (GreenMail) and headless Chromium: signing in and giving an email address,
 * saving a paper, For you recommending papers like it (each saying why) and forgetting one said
 * "not interested" to, saving a search, following an author, subscribing to a daily digest, the
 * digest arriving with the reasons of its papers, and its unsubscribe link, opened from the mail,
 * turning the digest off so that the next run sends nothing.
 */
class DigestBrowserTest {
  private static final String PASSWORD = "correct horse battery";
  private static final String EMAIL = "grace@example.org";
  private static final LocalDate DAY = LocalDate.of(2024, 3, 13);

  private static final String SAVED = "2403.01001";
  private static final String SAVED_TITLE = "Sparse attention for long documents";
  private static final String DISMISSED = "2403.01003";
  private static final String DISMISSED_TITLE = "Attention sinks in streaming language models";

  /** Papers about attention (vectors in one direction), graphs and algebra (two others). */
  private static final List<Paper> PAPERS =
      List.of(
          paper(SAVED, SAVED_TITLE, "Ada Lovelace", "cs.CL", DAY, 5),
          paper(
              "2403.01002", "Retrieval heads in long-context transformers", "Alan Turing", "cs.CL"),
          paper(DISMISSED, DISMISSED_TITLE, "Grace Hopper", "cs.CL"),
          paper("2403.01004", "Linear attention with learned kernels", "Kurt Gödel", "cs.LG"),
          paper("2403.02001", "A survey of graph transformers", "Alan Turing", "cs.LG"),
          paper("2403.02002", "Graph rewiring against oversquashing", "Emmy Noether", "cs.LG"),
          paper("2403.02003", "Message passing on molecular graph data", "John Nash", "cs.LG"),
          paper("2403.03001", "Noncommutative rings of small order", "Emmy Noether", "math.RA"),
          paper("2403.03002", "Ideals in polynomial rings revisited", "Sophie Germain", "math.RA"),
          paper("2403.03003", "Modules over local rings", "Évariste Galois", "math.AC"),
          paper("2403.01901", "Sliding-window attention revisited", "Ada Lovelace", "cs.CL", -1));

  /** The papers about attention besides the saved one: For you ranks them first. */
  private static final List<String> ALIKE =
      List.of(
          "Retrieval heads in long-context transformers",
          DISMISSED_TITLE,
          "Linear attention with learned kernels",
          "Sliding-window attention revisited");

  @TempDir Path dataDir;

  @Test
  void aResearcherSubscribesReceivesTheDigestAndUnsubscribesFromItsLink() throws Exception {
    GreenMail smtp =
        new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("lectern", "secret"));
    smtp.start();
    int port = freePort();
    String base = "http://" + InetAddress.getLoopbackAddress().getHostName() + ":" + port;
    Lectern lectern = new Lectern(settings(smtp.getSmtp().getPort(), base));
    TestLibrary.write(lectern.library(), PAPERS.toArray(Paper[]::new));
    lectern.library().embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors(PAPERS), Map.of());
    try (WebFixture web = WebFixture.serve(lectern, port);
        Chromium chromium = Chromium.launch();
        BrowserContext signedIn = chromium.browser.newContext();
        BrowserContext mailReader = chromium.browser.newContext()) {
      assertThat(web.uri().toString()).isEqualTo(base);
      long grace = lectern.accounts().users().create("grace", PASSWORD, false).id();
      Page page = signedIn.newPage();
      List<String> problems = Chromium.problems(page);

      signIn(page, base);
      giveEmail(page, base);
      saveFromToday(page, base);
      forYouRecommendsAndForgetsTheDismissed(page);
      saveASearch(page);
      renameTheSearch(page, problems);
      followAnAuthor(page, base);
      subscribeDaily(page);
      Digests digests = lectern.digests(lectern.search(false));
      assertThat(digests.users().settings(grace))
          .extracting(DigestSettings::frequency, DigestSettings::hour)
          .containsExactly(Frequency.DAILY, 6);

      // the run serve's background digests make each minute, as if a day later: one is due
      Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
      DigestRun.Report first = digests.run().run(tomorrow, () -> false);
      assertThat(first.problems()).isEmpty();
      assertThat(first.sent()).isEqualTo(1);
      MimeMessage mail = onlyMail(smtp);
      String link = checkTheDigest(mail, base);

      Page reader = mailReader.newPage();
      List<String> readerProblems = Chromium.problems(reader);
      unsubscribeFromTheMail(reader, htmlOf(mail), link);
      assertThat(digests.users().settings(grace).frequency()).isEqualTo(Frequency.OFF);

      page.navigate(base + "/subscriptions");
      assertThat(select(page, "Digest").inputValue()).isEqualTo("off");
      // the digest sent, when it was due in the user's words and time zone
      assertThat(page.locator("ul.notes li").allInnerTexts())
          .singleElement()
          .asString()
          .matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, 06:00: sent");
      // a new paper of the saved search would make a digest; unsubscribed, none is composed
      TestLibrary.write(
          lectern.library(),
          paper("2403.04001", "Graph pooling by coarsening", "Emmy Noether", "cs.LG", 1));
      lectern.index().sync();
      DigestRun.Report next = digests.run().run(tomorrow.plus(Duration.ofDays(1)), () -> false);
      assertThat(next.composed() + next.empty() + next.sent()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(1);

      assertThat(problems).isEmpty();
      assertThat(readerProblems).isEmpty();
    } finally {
      lectern.close(); // again after the fixture's close, harmlessly: here for a failed start
      smtp.stop();
    }
  }

  private static void signIn(Page page, String base) {
    page.navigate(base + "/login");
    page.getByLabel("Name").fill("grace");
    page.getByLabel("Password").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(url -> !url.contains("/login"));
    assertThat(page.locator("nav.account").innerText()).contains("grace").contains("Sign out");
  }

  private static void giveEmail(Page page, String base) {
    page.navigate(base + "/account");
    page.getByLabel("Email address").fill(EMAIL);
    Locator profile = page.locator("form[action='/account/profile']");
    profile.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    page.waitForURL("**/account?done=*");
    assertThat(page.getByLabel("Email address").inputValue()).isEqualTo(EMAIL);
  }

  private static void saveFromToday(Page page, String base) {
    page.navigate(base + "/?day=" + DAY);
    button(page, "Save " + SAVED_TITLE).click();
    page.waitForURL("**#paper-" + SAVED);
    assertThat(button(page, "Save " + SAVED_TITLE).getAttribute("aria-pressed")).isEqualTo("true");
  }

  /** Papers about attention come first, each because of the saved one; a dismissed one goes. */
  private static void forYouRecommendsAndForgetsTheDismissed(Page page) {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("For you")).click();
    page.waitForURL("**/for-you");
    Locator cards = page.locator("ol.papers > li");
    assertThat(cards.count()).isPositive();
    List<String> titles = page.locator("ol.papers article.paper h2 a").allInnerTexts();
    assertThat(titles).doesNotContain(SAVED_TITLE).hasSizeGreaterThan(ALIKE.size());
    assertThat(titles.subList(0, ALIKE.size())).containsExactlyInAnyOrderElementsOf(ALIKE);
    assertThat(page.locator("p.because").allInnerTexts())
        .hasSize(cards.count())
        .allSatisfy(b -> assertThat(b).isEqualTo("Because you saved " + SAVED_TITLE));
    assertThat(page.locator("#paper-" + DISMISSED.replace(".", "\\.")).count()).isOne();

    button(page, "Not interested " + DISMISSED_TITLE).click();
    page.waitForURL("**/for-you**");
    assertThat(page.locator("h1").innerText()).isEqualTo("For you");
    assertThat(page.locator("ol.papers article.paper h2 a").allInnerTexts())
        .isNotEmpty()
        .doesNotContain(DISMISSED_TITLE);
  }

  private static void saveASearch(Page page) {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Search").setExact(true))
        .click();
    page.waitForURL("**/search");
    page.getByLabel("Query").fill("graph");
    page.getByLabel("Mode").selectOption("lexical");
    button(page, "Search").click();
    page.waitForURL("**/search?q=graph&mode=lexical");
    assertThat(page.locator("ol.papers article.paper h3 a").allInnerTexts())
        .contains("A survey of graph transformers");
    page.getByLabel("Save this search as").fill("Graph papers");
    button(page, "Save this search").click();
    page.waitForURL("**/subscriptions?done=saved");
    assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("The search is saved.");
    assertThat(link(page, "Graph papers").getAttribute("href"))
        .isEqualTo("/search?q=graph&mode=lexical");
  }

  /**
   * A blank name is refused beside its row, which keeps its name and what was typed; a good one
   * renames it. Each row's field and buttons say which search they act on.
   */
  private static void renameTheSearch(Page page, List<String> problems) {
    Locator name =
        page.getByLabel("New name for Graph papers", new Page.GetByLabelOptions().setExact(true));
    name.fill("  ");
    button(page, "Rename Graph papers").click();
    page.waitForURL("**/subscriptions/*/rename");
    assertThat(page.getByRole(AriaRole.ALERT).innerText()).contains("a name is needed");
    assertThat(name.inputValue()).isEqualTo("  ");
    assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(link(page, "Graph papers").getAttribute("href"))
        .isEqualTo("/search?q=graph&mode=lexical");
    assertThat(button(page, "Remove Graph papers").count()).isOne();
    // the refusal's answer is a 400, as it should be (the console notes it too): no problem
    assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains("400"));
    assertThat(problems.getFirst()).endsWith("/rename");
    problems.clear();

    name.fill("Graph learning");
    button(page, "Rename Graph papers").click();
    page.waitForURL("**/subscriptions?done=renamed");
    assertThat(link(page, "Graph learning").getAttribute("href"))
        .isEqualTo("/search?q=graph&mode=lexical");
  }

  private static void followAnAuthor(Page page, String base) {
    page.navigate(base + "/papers/2403.02002");
    page.locator("a.author").getByText("Emmy Noether").click();
    page.waitForURL("**/authors/*");
    button(page, "Follow").click();
    page.waitForURL("**/authors/*");
    assertThat(page.locator("form.follow").innerText()).contains("You follow this author");
  }

  private static void subscribeDaily(Page page) {
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriptions")).click();
    page.waitForURL("**/subscriptions");
    assertThat(button(page, "Unfollow Emmy Noether").count()).isOne();
    assertThat(page.locator("#digest-h + p").innerText()).contains("Digests go to " + EMAIL);
    select(page, "Digest").selectOption("daily");
    select(page, "At (UTC)").selectOption("6");
    button(page, "Save").click();
    page.waitForURL("**/subscriptions?done=digest");
    assertThat(page.getByRole(AriaRole.STATUS).innerText())
        .isEqualTo("Your digest settings are saved.");
    assertThat(select(page, "Digest").inputValue()).isEqualTo("daily");
    assertThat(select(page, "At (UTC)").inputValue()).isEqualTo("6");
  }

  /**
   * The digest names each paper's reasons and leaves out the dismissed and the old; returns its
   * unsubscribe link.
   */
  private static String checkTheDigest(MimeMessage mail, String base) throws Exception {
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(EMAIL);
    assertThat(mail.getSubject()).startsWith("Lectern: ").contains("new papers for you");
    String header = mail.getHeader("List-Unsubscribe")[0];
    String link = header.substring(1, header.length() - 1);
    assertThat(link).startsWith(base + "/digest/unsubscribe/");
    String plain = textOf(mail);
    String because = "because you saved “" + SAVED_TITLE + "”";
    assertThat(plain)
        .contains(
            "Graph rewiring against oversquashing\n   Emmy Noether\n   Why: Saved search 'Graph"
                + " learning'; you follow Emmy Noether; recommended "
                + because)
        .contains("A survey of graph transformers\n   Alan Turing\n   Why: Saved search")
        .contains(
            "Linear attention with learned kernels\n   Kurt Gödel\n   Why: Recommended " + because)
        .contains("Unsubscribe: " + link)
        .doesNotContain(DISMISSED_TITLE)
        .doesNotContain("Sliding-window attention revisited"); // the day before: not new
    return link;
  }

  /** The mail as a mail client shows it; its Unsubscribe link, then the page's button. */
  private static void unsubscribeFromTheMail(Page reader, String html, String link) {
    reader.setContent(html);
    assertThat(reader.getByText("Graph rewiring against oversquashing").count()).isPositive();
    Locator unsubscribe =
        reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unsubscribe"));
    assertThat(unsubscribe.getAttribute("href")).isEqualTo(link);
    unsubscribe.click();
    reader.waitForURL(link);
    assertThat(reader.locator("h1").innerText()).isEqualTo("Unsubscribe from the digest?");
    assertThat(reader.locator("p.lead").innerText()).startsWith("grace,");
    button(reader, "Unsubscribe").click();
    reader.waitForCondition(() -> reader.locator("h1").innerText().equals("Unsubscribed"));
    assertThat(reader.locator("p.lead").innerText()).contains("no more email digests");
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator select(Page page, String name) {
    return page.getByRole(
        AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static MimeMessage onlyMail(GreenMail smtp) {
    assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    return got[0];
  }

  private static String textOf(MimeMessage mail) throws Exception {
    BodyPart text = ((Multipart) mail.getContent()).getBodyPart(0);
    assertThat(text.getContentType()).startsWith("text/plain");
    return ((String) text.getContent()).replace("\r\n", "\n");
  }

  private static String htmlOf(MimeMessage mail) throws Exception {
    BodyPart html = ((Multipart) mail.getContent()).getBodyPart(1);
    assertThat(html.getContentType()).startsWith("text/html");
    return (String) html.getContent();
  }

  private Settings settings(int smtpPort, String base) {
    return Settings.load(
        null,
        Map.of(),
        Map.of(
            Settings.DATA_DIR, dataDir.toString(),
            Settings.USERS_MODE, "multi",
            Settings.MAIL_HOST, "127.0.0.1",
            Settings.MAIL_PORT, Integer.toString(smtpPort),
            Settings.MAIL_SECURITY, "none",
            Settings.MAIL_USER, "lectern",
            Settings.MAIL_PASSWORD, "secret",
            Settings.MAIL_BASE_URL, base));
  }

  /** A port free a moment ago: the digest's links must name the server's before it starts. */
  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each topic its own direction, each paper a little off it. */
  private static Map<String, float[]> vectors(List<Paper> papers) {
    Map<String, float[]> vectors = new HashMap<>();
    for (Paper p : papers) {
      float[] v = new float[384];
      v[p.id().charAt(6) - '0'] = 1; // 2403.0Txxx: T is the topic
      v[10 + Math.floorMod(p.id().hashCode(), 300)] = 0.1f;
      vectors.put(p.id(), v);
    }
    return vectors;
  }

  private static Paper paper(String id, String title, String author, String category) {
    return paper(id, title, author, category, DAY, null);
  }

  /** A paper {@code days} after {@link #DAY} (negative: before it). */
  private static Paper paper(String id, String title, String author, String cat, int days) {
    return paper(id, title, author, cat, DAY.plusDays(days), null);
  }

  private static Paper paper(
      String id, String title, String author, String category, LocalDate day, Integer upvotes) {
    return TestLibrary.paper(
        id,
        title,
        "We study " + title.toLowerCase(java.util.Locale.ROOT) + " with experiments.",
        List.of(author),
        List.of(category),
        day,
        upvotes);
  }
}
