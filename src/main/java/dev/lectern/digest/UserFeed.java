package dev.lectern.digest;

import dev.lectern.export.AtomFeed;
import dev.lectern.store.PaperDays.Dated;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's own Atom feed: the newest papers of their saved searches, follows and recommendations,
 * newest first, at a link with a secret token (see {@link LinkTokens}).
 */
public final class UserFeed {
  private final DigestComposer composer;

  public UserFeed(DigestComposer composer) {
    this.composer = composer;
  }

  /**
   * @param baseUrl this Lectern's address, for the feed's links
   * @param token the feed's token, as in its link
   */
  public String atom(long userId, String userName, String baseUrl, String token) {
    LocalDate latest = composer.latestDay();
    List<Dated> papers =
        latest == null
            ? List.of()
            : composer.papers(userId, null, latest).stream()
                .map(i -> new Dated(i.paper(), i.day()))
                .toList();
    AtomFeed.Spec spec =
        new AtomFeed.Spec(
            "Lectern: " + userName + "'s saved searches and follows",
            AtomFeed.tagId("users/" + userId + "/feed"),
            baseUrl + "/users/feed/" + token + ".atom",
            baseUrl + "/subscriptions",
            id -> MailText.paperUrl(baseUrl, id));
    return AtomFeed.write(spec, papers, latest == null ? LocalDate.EPOCH : latest);
  }
}
