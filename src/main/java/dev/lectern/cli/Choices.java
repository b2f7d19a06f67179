package dev.lectern.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks an option's value: one of an enum's constants (case-insensitively) or a number in a range.
 */
final class Choices {
  private Choices() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.trim())) return e;
    }
    throw new IllegalArgumentException(
        option
            + " must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }

  /**
   * The value, when it lies in [min, max]; else an error saying so, as the API answers (rather than
   * quietly another page), with {@code hint} after it when not empty.
   */
  static int inRange(int value, int min, int max, String option, String hint) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option
              + " must be between "
              + min
              + " and "
              + max
              + ", not "
              + value
              + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }
    return value;
  }
}
