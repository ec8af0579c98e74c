package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tracker.core.error.TrackerException;
import java.util.Locale;

/** Priority 0 (critical) to 4 (backlog). Travels as its number; names are accepted on input. */
public enum Priority {
  CRITICAL(0),
  HIGH(1),
  MEDIUM(2),
  LOW(3),
  BACKLOG(4);

  public static final Priority DEFAULT = MEDIUM;

  private final int level;

  Priority(int level) {
    this.level = level;
  }

  @JsonValue
  public int level() {
    return level;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority of(int level) {
    if (level < 0 || level > 4) {
      throw TrackerException.invalid(
          "priority",
          "must be 0 to 4 or one of critical, high, medium, low, backlog (got " + level + ")");
    }
    return values()[level];
  }

  @JsonCreator
  public static Priority fromJson(Object value) {
    if (value instanceof Number number) {
      if (number.doubleValue() != number.intValue()) {
        throw TrackerException.invalid(
            "priority", "must be a whole number 0 to 4 (got " + number + ")");
      }
      return of(number.intValue());
    }
    if (value instanceof String text) {
      return parse(text);
    }
    throw TrackerException.invalid("priority", "must be a number 0 to 4 or a priority name");
  }

  /** Accepts {@code 2}, {@code p2}, {@code P2} and {@code medium}. */
  public static Priority parse(String text) {
    if (text == null || text.isBlank()) {
      throw TrackerException.invalid(
          "priority", "must not be empty; use 0 to 4 or critical, high, medium, low, backlog");
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    String digits = wanted.startsWith("p") ? wanted.substring(1) : wanted;
    if (digits.length() == 1 && digits.charAt(0) >= '0' && digits.charAt(0) <= '9') {
      return of(digits.charAt(0) - '0');
    }
    for (Priority priority : values()) {
      if (priority.label().equals(wanted)) {
        return priority;
      }
    }
    throw TrackerException.invalid(
        "priority",
        "unknown value '" + text + "'; use 0 to 4 or critical, high, medium, low, backlog");
  }
}
