package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.core.api.IssueSort;
import dev.tracker.core.api.TreeDirection;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks option values before anything is sent, with core's own rules, so that a typo fails fast
 * with the option named and the accepted values listed.
 */
final class Inputs {
  private Inputs() {}

  static Long priority(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return (long) Priority.parse(value).level();
    } catch (TrackerException e) {
      throw usage(option, e);
    }
  }

  static String status(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Status.parse(value).wire();
    } catch (TrackerException e) {
      throw usage(option, e);
    }
  }

  static String type(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return IssueType.parse(value).wire();
    } catch (TrackerException e) {
      throw usage(option, e);
    }
  }

  static String kind(String option, String value) {
    try {
      return DependencyKind.parse(value).wire();
    } catch (TrackerException e) {
      throw usage(option, e);
    }
  }

  static String sort(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return IssueSort.parse(value).wire();
    } catch (TrackerException e) {
      throw usage(option, e);
    }
  }

  static String direction(String option, String value) {
    try {
      return TreeDirection.parse(value).wire();
    } catch (TrackerException e) {
      throw usage(option, e);
    }
  }

  /** A date ({@code 2026-03-01}) or an instant ({@code 2026-03-01T10:00:00Z}), as given. */
  static String time(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate.parse(value);
      } else {
        java.time.Instant.parse(value);
      }
      return value;
    } catch (DateTimeParseException e) {
      throw CliException.usage(
          option
              + ": '"
              + value
              + "' is not a date (2026-03-01) or an instant"
              + " (2026-03-01T10:00:00Z)",
          null);
    }
  }

  static Integer positive(String option, Integer value, int max) {
    if (value != null && (value < 1 || value > max)) {
      throw CliException.usage(option + " must be 1 to " + max + " (got " + value + ")", null);
    }
    return value;
  }

  /** Labels given as repeated options or comma-separated, trimmed, without blanks or repeats. */
  static List<String> labels(List<String> given) {
    Set<String> labels = new LinkedHashSet<>();
    if (given != null) {
      for (String each : given) {
        for (String label : each.split(",")) {
          if (!label.isBlank()) {
            labels.add(label.trim());
          }
        }
      }
    }
    return new ArrayList<>(labels);
  }

  static String nonBlank(String option, String value) {
    if (value != null && value.isBlank()) {
      throw CliException.usage(option + " must not be empty", null);
    }
    return value;
  }

  private static CliException usage(String option, TrackerException e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return CliException.usage(
        option + ": " + (colon >= 0 ? message.substring(colon + 2) : message), null);
  }
}
