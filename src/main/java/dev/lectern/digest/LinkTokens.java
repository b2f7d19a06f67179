package dev.lectern.digest;

import java.util.OptionalLong;

/**
 * The tokens in links that work without signing in: {@code 12-<signature>}, the user's id and a
 * signature of what the link may do. A feed token signs the user's feed generation too, so
 * regenerating the link revokes the old one; an unsubscribe token signs only the user.
 */
public final class LinkTokens {
  private final SigningKey key;
  private final DigestUsers users;

  public LinkTokens(SigningKey key, DigestUsers users) {
    this.key = key;
    this.users = users;
  }

  public String feed(long userId) {
    return userId + "-" + key.sign(feedMessage(userId, users.settings(userId).feedGeneration()));
  }

  /** The user a feed token is for, empty when it is not (forged, revoked, malformed). */
  public OptionalLong feedUser(String token) {
    OptionalLong user = userOf(token);
    if (user.isEmpty()) return user;
    long id = user.getAsLong();
    if (users.byId(id).isEmpty()) return OptionalLong.empty();
    String message = feedMessage(id, users.settings(id).feedGeneration());
    return key.verify(message, signatureOf(token)) ? user : OptionalLong.empty();
  }

  public String unsubscribe(long userId) {
    return userId + "-" + key.sign("unsubscribe:" + userId);
  }

  /** The user an unsubscribe token is for, empty when it is not. */
  public OptionalLong unsubscribeUser(String token) {
    OptionalLong user = userOf(token);
    if (user.isEmpty()) return user;
    return key.verify("unsubscribe:" + user.getAsLong(), signatureOf(token))
        ? user
        : OptionalLong.empty();
  }

  private static String feedMessage(long userId, int generation) {
    return "feed:" + userId + ":" + generation;
  }

  private static OptionalLong userOf(String token) {
    int dash = token == null ? -1 : token.indexOf('-');
    if (dash < 1 || dash > 18) return OptionalLong.empty();
    try {
      return OptionalLong.of(Long.parseLong(token.substring(0, dash)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String signatureOf(String token) {
    return token.substring(token.indexOf('-') + 1);
  }
}
