package dev.lectern.digest;

import dev.lectern.search.SearchService;
import dev.lectern.store.PaperLibrary;
import java.nio.file.Path;

/**
 * The saved searches, follows, feeds and digests of a library, wired: what the web pages, the
 * {@code digest} command and serve's background digests use.
 *
 * @param mailer null when no mail host is set: digests are composed and shown, not sent
 */
public record Digests(
    MailSettings settings,
    DigestUsers users,
    Subscriptions subscriptions,
    DigestSends sends,
    LinkTokens tokens,
    DigestComposer composer,
    DigestMail mail,
    UserFeed feed,
    Mailer mailer) {

  public static Digests open(
      PaperLibrary library,
      SearchService search,
      Path dataDir,
      MailSettings settings,
      Recommendations recommendations) {
    DigestUsers users = new DigestUsers(library.database());
    Subscriptions subscriptions = new Subscriptions(library.database());
    DigestComposer composer = new DigestComposer(search, library, subscriptions, recommendations);
    return new Digests(
        settings,
        users,
        subscriptions,
        new DigestSends(library.database()),
        new LinkTokens(SigningKey.of(dataDir), users),
        composer,
        new DigestMail(settings.baseUrl()),
        new UserFeed(composer),
        settings.canSend() ? new Mailer(settings) : null);
  }

  /** A run of the digests, composing and (with a mail host) sending. */
  public DigestRun run() {
    return new DigestRun(users, sends, composer, mail, tokens, mailer, settings.pause());
  }
}
