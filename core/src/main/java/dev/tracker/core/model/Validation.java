package dev.tracker.core.model;

import static dev.tracker.core.error.TrackerException.invalid;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks and normalises every user-supplied field. Each failure is a validation error whose message
 * names the field and the limit, so that the CLI and the API can show it as it is.
 */
public final class Validation {
  private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:/+-]*");
  private static final Pattern PROJECT_KEY = Pattern.compile("[a-z][a-z0-9]*");

  private Validation() {}

  /** Trimmed title of 1 to 500 characters, on one line. */
  public static String title(String title) {
    String value = required("title", title).strip();
    if (value.isEmpty()) {
      throw invalid("title", "must not be blank");
    }
    int chars = value.codePointCount(0, value.length());
    if (chars > Limits.TITLE_MAX_CHARS) {
      throw invalid(
          "title", "must be at most " + Limits.TITLE_MAX_CHARS + " characters (got " + chars + ")");
    }
    noControl("title", value, false);
    return value;
  }

  /** Markdown of at most 64 KiB in UTF-8; {@code null} and blank mean "no description". */
  public static String description(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    maxBytes("description", description, Limits.DESCRIPTION_MAX_BYTES);
    noControl("description", description, true);
    return description;
  }

  /** A person's name (assignee, author, actor): 1 to 100 characters on one line. */
  public static String name(String field, String name) {
    String value = required(field, name).strip();
    if (value.isEmpty()) {
      throw invalid(field, "must not be blank");
    }
    maxChars(field, value, Limits.NAME_MAX_CHARS);
    noControl(field, value, false);
    return value;
  }

  public static String closeReason(String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    String value = reason.strip();
    maxChars("reason", value, Limits.CLOSE_REASON_MAX_CHARS);
    noControl("reason", value, true);
    return value;
  }

  public static String commentBody(String body) {
    String value = required("body", body);
    if (value.isBlank()) {
      throw invalid("body", "must not be blank");
    }
    maxBytes("body", value, Limits.COMMENT_MAX_BYTES);
    noControl("body", value, true);
    return value;
  }

  /**
   * A label: 1 to 50 characters, a letter or digit first, then letters, digits and {@code _.:/+-}.
   */
  public static String label(String label) {
    String value = required("labels", label).strip();
    if (value.isEmpty()) {
      throw invalid("labels", "a label must not be blank");
    }
    if (value.codePointCount(0, value.length()) > Limits.LABEL_MAX_CHARS) {
      throw invalid(
          "labels",
          "label '" + value + "' is longer than " + Limits.LABEL_MAX_CHARS + " characters");
    }
    if (!LABEL.matcher(value).matches()) {
      throw invalid(
          "labels",
          "label '"
              + value
              + "' must start with a letter or digit and contain only letters, digits and _.:/+-");
    }
    return value;
  }

  /** Labels, validated, de-duplicated and sorted; at most 50. */
  public static List<String> labels(List<String> labels) {
    if (labels == null) {
      return List.of();
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String label : labels) {
      sorted.add(label(label));
    }
    if (sorted.size() > Limits.LABELS_PER_ISSUE_MAX) {
      throw invalid(
          "labels",
          "at most "
              + Limits.LABELS_PER_ISSUE_MAX
              + " labels per issue (got "
              + sorted.size()
              + ")");
    }
    return List.copyOf(sorted);
  }

  /** A project key: 2 to 16 lower-case letters and digits, a letter first. Upper case is folded. */
  public static String projectKey(String key) {
    String value = required("key", key).strip().toLowerCase(Locale.ROOT);
    if (value.length() < Limits.PROJECT_KEY_MIN_CHARS
        || value.length() > Limits.PROJECT_KEY_MAX_CHARS) {
      throw invalid(
          "key",
          "must be "
              + Limits.PROJECT_KEY_MIN_CHARS
              + " to "
              + Limits.PROJECT_KEY_MAX_CHARS
              + " characters (got "
              + value.length()
              + ")");
    }
    if (!PROJECT_KEY.matcher(value).matches()) {
      throw invalid("key", "must be lower-case letters and digits, starting with a letter");
    }
    return value;
  }

  public static String projectName(String name) {
    return name("name", name);
  }

  /** A page size: absent means the default; otherwise 1 to 1000. */
  public static int limit(Integer limit) {
    if (limit == null) {
      return Limits.PAGE_DEFAULT;
    }
    if (limit < 1 || limit > Limits.PAGE_MAX) {
      throw invalid("limit", "must be 1 to " + Limits.PAGE_MAX + " (got " + limit + ")");
    }
    return limit;
  }

  private static String required(String field, String value) {
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }

  private static void maxChars(String field, String value, int max) {
    int chars = value.codePointCount(0, value.length());
    if (chars > max) {
      throw invalid(field, "must be at most " + max + " characters (got " + chars + ")");
    }
  }

  private static void maxBytes(String field, String value, int max) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > max) {
      throw invalid(field, "must be at most " + max + " bytes in UTF-8 (got " + bytes + ")");
    }
  }

  /** Refuses NUL and other control characters, and unpaired surrogates (invalid UTF-16). */
  private static void noControl(String field, String value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowedWhitespace = c == '\t' || (multiline && (c == '\n' || c == '\r'));
      if (Character.isISOControl(c) && !allowedWhitespace) {
        throw invalid(
            field,
            String.format(
                Locale.ROOT, "must not contain control character U+%04X at index %d", (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))) {
        throw invalid(field, "contains an unpaired surrogate at index " + i);
      }
      if (Character.isLowSurrogate(c)
          && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
        throw invalid(field, "contains an unpaired surrogate at index " + i);
      }
    }
  }
}
