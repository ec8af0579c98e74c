package dev.tracker.daemon.api;

import dev.tracker.core.error.TrackerException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Typed query parameters; each failure names the parameter. */
final class Params {
  private Params() {}

  static Integer integer(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw TrackerException.invalid(name, "must be a whole number (got '" + value + "')");
    }
  }

  static boolean flag(String name, String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true") || value.isEmpty()) {
      return true;
    }
    throw TrackerException.invalid(name, "must be true or false (got '" + value + "')");
  }

  /** An instant ({@code 2026-03-01T10:00:00Z}) or a UTC date ({@code 2026-03-01}, its midnight). */
  static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw TrackerException.invalid(
          name,
          "must be a date (2026-03-01) or an instant (2026-03-01T10:00:00Z), got '" + value + "'");
    }
  }

  static <T> T parsed(String value, Function<String, T> parser) {
    return value == null ? null : parser.apply(value);
  }

  /**
   * An If-Match header as an expected version: {@code "5"}, {@code W/"5"} or {@code 5}; * is none.
   */
  static Long ifMatch(String header) {
    if (header == null || header.strip().equals("*")) {
      return null;
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw TrackerException.invalid(
          "If-Match", "must be an ETag this API returned, such as \"3\" (got " + header + ")");
    }
  }
}
