package dev.lectern.json;

import dev.lectern.user.PaperCollections.Collection;
import java.util.List;

/** The caller's collections, by name. */
public record CollectionsJson(List<CollectionSummaryJson> collections) {
  /** A collection and how many papers it holds. */
  public record CollectionSummaryJson(long id, String name, int papers, String created) {
    public static CollectionSummaryJson of(Collection c) {
      return new CollectionSummaryJson(c.id(), c.name(), c.papers(), c.created().toString());
    }
  }

  public static CollectionsJson of(List<Collection> list) {
    return new CollectionsJson(list.stream().map(CollectionSummaryJson::of).toList());
  }
}
