package dev.lectern.recommend;

/** Where a user's signals are kept: the people store, seen from the recommender. */
public interface SignalSource {
  /**
   * What the user saved, collected, dismissed and was shown, without the papers they took out of
   * the training (those stay out of the recommendations too, through {@link UserSignals#shown()}).
   */
  UserSignals signals(long userId);
}
