package dev.tracker.daemon.storage;

import java.time.Instant;
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

  private InstantText() {}

  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  public static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** Stored precision: what is written is exactly what is read back. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
