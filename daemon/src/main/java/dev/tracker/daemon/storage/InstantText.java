package dev.tracker.daemon.storage;

import java.time.Instant;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as stored: fixed-width UTC ISO-8601 with milliseconds. Fixed width keeps text order
 * equal to time order; UTC keeps the value independent of the JVM's time zone.
 */
public final class InstantText {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final int STORED_LENGTH = "2026-03-01T10:00:01.000Z".length();

  private InstantText() {}

  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /**
   * The instant {@code text} names. The stored form is read directly, without a formatter: an
   * export reads some 25,000 of them for 10,000 issues. Anything else (and any out-of-range field)
   * goes through {@link Instant#parse}, so the result, and the exception for bad input, are the
   * same.
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    Instant stored = parseStored(text);
    return stored != null ? stored : Instant.parse(text);
  }

  /** {@code uuuu-MM-ddTHH:mm:ss.SSSZ} with every field in range, or null. */
  private static Instant parseStored(String text) {
    if (text.length() != STORED_LENGTH
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(19) != '.'
        || text.charAt(23) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int millis = digits(text, 20, 3);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || millis < 0) {
      return null;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(
        epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
  }

  /** The ASCII digits at {@code [from, from + count)} as a number, or -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Stored precision: what is written is exactly what is read back. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
