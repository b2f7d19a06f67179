package dev.lectern.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads an option's value as one of an enum's constants, case-insensitively, with a helpful error. */
final class Choices {
  private Choices() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.trim())) return e;
    }
    throw new IllegalArgumentException(option + " must be one of " + Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '" + value + "'");
  }
}
