package dev.tracker.core.model;

/** Field limits, shared by validation, the API documentation and the CLI's help text. */
public final class Limits {
  public static final int TITLE_MAX_CHARS = 500;
  public static final int DESCRIPTION_MAX_BYTES = 64 * 1024;
  public static final int COMMENT_MAX_BYTES = 64 * 1024;
  public static final int CLOSE_REASON_MAX_CHARS = 1000;
  public static final int NAME_MAX_CHARS = 100;
  public static final int LABEL_MAX_CHARS = 50;
  public static final int LABELS_PER_ISSUE_MAX = 50;
  public static final int PROJECT_KEY_MIN_CHARS = 2;
  public static final int PROJECT_KEY_MAX_CHARS = 16;
  public static final int BULK_MAX_IDS = 1000;
  public static final int PAGE_MAX = 1000;
  public static final int PAGE_DEFAULT = 100;

  private Limits() {}
}
