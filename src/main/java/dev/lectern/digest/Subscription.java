package dev.lectern.digest;

import java.util.Locale;

/**
 * Something a user wants to hear about: a saved search, an author or a category they follow.
 *
 * @param target a search's canonical query string ({@code q=graph&cat=cs.LG}), an author's name as
 *     the author page shows it, or a category ({@code cs.LG})
 * @param name what the user calls it; for a follow, the author's or category's name
 */
public record Subscription(long id, long userId, Kind kind, String target, String name) {
  public enum Kind {
    SEARCH,
    AUTHOR,
    CATEGORY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a form or a column names ("search", "author", "category"), null for none. */
    public static Kind of(String key) {
      for (Kind k : values()) if (k.key().equals(key)) return k;
      return null;
    }
  }

  /** Why a paper this brought is in a digest: "saved search 'graph neural'". */
  public String reason() {
    return switch (kind) {
      case SEARCH -> "saved search '" + name + "'";
      case AUTHOR -> "you follow " + target;
      case CATEGORY -> "you follow " + target;
    };
  }
}
