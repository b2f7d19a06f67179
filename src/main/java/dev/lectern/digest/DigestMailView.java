package dev.lectern.digest;

import java.util.List;

/**
 * A digest as its mail shows it, for the HTML template ({@code src/main/jte/mail/digest.jte}) and
 * the text part alike.
 *
 * @param heading "12 new papers since 12 March"
 * @param papers those of saved searches and follows, newest first
 * @param forYou those For you alone brings, in its order: the best first
 * @param schedule "daily at 07:00 (Europe/Berlin)"
 */
public record DigestMailView(
    String userName,
    String heading,
    List<Paper> papers,
    List<Paper> forYou,
    List<Paper> trending,
    String schedule,
    String settingsUrl,
    String unsubscribeUrl) {

  /** A paper: its title, authors, snippet, link, and why it is there. */
  public record Paper(String title, String authors, String snippet, String url, String why) {}
}
