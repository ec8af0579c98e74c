package dev.tracker.core.model;

import dev.tracker.core.error.TrackerException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose values travel as lower-case names (in JSON, on the command line, in SQLite). */
public interface WireEnum {
  String wire();

  /**
   * Parses {@code text} case-insensitively, accepting {@code -} for {@code _}; an unknown value is
   * a validation error that names the field and lists the accepted values.
   */
  static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String text) {
    if (text == null || text.isBlank()) {
      throw TrackerException.invalid(field, "must not be empty; one of " + accepted(type));
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (E value : type.getEnumConstants()) {
      if (value.wire().replace('-', '_').equals(wanted)) {
        return value;
      }
    }
    throw TrackerException.invalid(
        field, "unknown value '" + text + "'; expected one of " + accepted(type));
  }

  static <E extends Enum<E> & WireEnum> String accepted(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireEnum::wire)
        .collect(Collectors.joining(", "));
  }
}
