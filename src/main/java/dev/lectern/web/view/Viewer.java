package dev.lectern.web.view;

/**
 * Who is looking at a page or calling the API.
 *
 * @param userId the user whose saves, votes and settings a request reads and changes; in
 *     single-user mode the implicit local user (1); {@link #NOBODY} for a visitor who has not
 *     signed in (multi-user mode)
 * @param name the user's name as the header shows it
 * @param admin whether the user may manage accounts and invites
 * @param signedIn whether the request carries a session or token of an account; false in
 *     single-user mode, where nobody signs in
 * @param csrfToken the token every form that changes something sends back in its {@code _csrf}
 *     field
 * @param accounts whether the server runs in multi-user mode, so that the header offers signing in
 *     and out
 */
public record Viewer(
    long userId, String name, boolean admin, boolean signedIn, String csrfToken, boolean accounts) {
  /** The user of single-user mode, who owns the library's people data. */
  public static final long LOCAL_USER = 1;

  /** The user id of a visitor who has not signed in: no user's data is theirs. */
  public static final long NOBODY = 0;

  /** A viewer in single-user mode. */
  public Viewer(long userId, String name, boolean admin, boolean signedIn, String csrfToken) {
    this(userId, name, admin, signedIn, csrfToken, false);
  }
}
