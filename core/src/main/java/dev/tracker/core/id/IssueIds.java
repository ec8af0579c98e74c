package dev.tracker.core.id;

import dev.tracker.core.error.TrackerException;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Issue ids are {@code <project key>-<random base36>}. They are random rather than sequential
 * because clones create issues offline and merge later: sequential ids would collide on the first
 * merge. The random part starts at 4 characters and grows with the project, keeping the chance that
 * any two of its issues ever share an id at or below {@link #COLLISION_BUDGET}.
 */
public final class IssueIds {
  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 12;

  /** Upper bound on the birthday probability that two ids of one project collide. */
  public static final double COLLISION_BUDGET = 0.01;

  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final Pattern ID_INPUT = Pattern.compile("[a-z0-9-]{1,64}");

  private IssueIds() {}

  /**
   * The random-part length for a project that already holds {@code existing} issues: the smallest
   * length whose birthday bound {@code n^2 / (2 * 36^len)} stays within the budget for n + 1 ids.
   */
  public static int lengthFor(long existing) {
    double n = existing + 1.0;
    for (int length = MIN_LENGTH; length < MAX_LENGTH; length++) {
      if (n * n / (2 * Math.pow(36, length)) <= COLLISION_BUDGET) {
        return length;
      }
    }
    return MAX_LENGTH;
  }

  public static String newIssueId(String projectKey, long existing, RandomGenerator random) {
    return projectKey + "-" + randomBase36(lengthFor(existing), random);
  }

  /** Comment ids: 12 base36 characters (62 bits), so comments from two clones merge by id. */
  public static String newCommentId(RandomGenerator random) {
    return randomBase36(12, random);
  }

  static String randomBase36(int length, RandomGenerator random) {
    StringBuilder builder = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      builder.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return builder.toString();
  }

  /**
   * Turns what a user typed into a full-id prefix: lower case, and the project key prepended when
   * only the random part was typed ({@code a1b} means {@code trk-a1b} in project {@code trk}).
   */
  public static String normalizePrefix(String projectKey, String typed) {
    if (typed == null || typed.isBlank()) {
      throw TrackerException.invalid("id", "must not be empty");
    }
    String value = typed.strip().toLowerCase(Locale.ROOT);
    if (!ID_INPUT.matcher(value).matches()) {
      throw TrackerException.invalid(
          "id", "'" + typed + "' is not an issue id (letters, digits and '-', at most 64)");
    }
    return value.indexOf('-') >= 0 ? value : projectKey + "-" + value;
  }

  /** The smallest string greater than every string starting with {@code prefix}. */
  public static String prefixUpperBound(String prefix) {
    return prefix + Character.MAX_VALUE;
  }
}
