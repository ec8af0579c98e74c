package dev.tracker.daemon.api;

import dev.tracker.core.error.TrackerException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Typed query parameters; each failure names the parameter. */
final class Params {
  /** The range the store's fixed-width timestamps can hold (four-digit years). */
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

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
    Instant instant;
    try {
      instant =
          value.length() == 10
              ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw TrackerException.invalid(
          name,
          "must be a date (2026-03-01) or an instant (2026-03-01T10:00:00Z), got '" + value + "'");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw TrackerException.invalid(
          name, "must be between the years 0000 and 9999, got '" + value + "'");
    }
    return instant;
  }

  /**
   * A file-system path given in a body: one the system cannot represent (a NUL byte) is refused
   * naming {@code field}, instead of failing deep inside the store.
   */
  static Path path(String field, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw TrackerException.invalid(field, "is not a valid path: " + e.getReason());
    }
  }

  /** Runs {@code query}; a refusal of its full-text search names the parameter {@code q}. */
  static <T> T searching(Supplier<T> query) {
    try {
      return query.get();
    } catch (TrackerException e) {
      // The store calls the search words "text"; on the wire they are the parameter q.
      throw "text".equals(e.field()) ? renamed(e, "q") : e;
    }
  }

  /** {@code e} naming {@code field} instead of what the layer below called it. */
  static TrackerException renamed(TrackerException e, String field) {
    String message = e.getMessage();
    if (e.field() != null && message.startsWith(e.field() + ": ")) {
      message = message.substring(e.field().length() + 2);
    }
    return new TrackerException(e.code(), field + ": " + message, field, List.of(), e);
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
