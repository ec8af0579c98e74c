package dev.tracker.daemon.sync.jsonl;

/**
 * A sync file that cannot be read. {@link #line()} is the 1-based number of the first bad line,
 * {@link #reason()} says in one line what is wrong with it, and {@link #getMessage()} is both in
 * one sentence, ready to show. Whoever gets this must not overwrite the file: it may hold work that
 * only a human can put right (an unresolved git conflict, say).
 */
public final class JsonlException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of problem the line has. */
  public enum Kind {
    /**
     * A git conflict marker ({@code <<<<<<<}, {@code |||||||}, {@code =======}, {@code >>>>>>>}).
     */
    CONFLICT_MARKER,
    /** The last line has no newline and its JSON stops early: the file was cut short. */
    TRUNCATED,
    /** Not valid UTF-8 or not one valid JSON object. */
    INVALID_JSON,
    /** A field this version does not know; dropping it on the next export would lose data. */
    UNKNOWN_FIELD,
    /** A second line for an id that an earlier line already has. */
    DUPLICATE_ID,
    /** A value that the issue rules refuse (a blank title, an unknown status, ...). */
    INVALID_VALUE,
    /** An empty line anywhere but as the file's final newline. */
    BLANK_LINE
  }

  private final Kind kind;
  private final int line;
  private final String reason;

  JsonlException(Kind kind, int line, String reason) {
    super(kind == Kind.CONFLICT_MARKER ? conflictMessage(line) : "line " + line + ": " + reason);
    this.kind = kind;
    this.line = line;
    this.reason = reason;
  }

  static JsonlException conflictMarker(int line) {
    return new JsonlException(
        Kind.CONFLICT_MARKER,
        line,
        "git conflict marker; resolve the conflict, the file is left untouched");
  }

  private static String conflictMessage(int line) {
    return "git conflict marker at line "
        + line
        + "; resolve the conflict, the file is left untouched";
  }

  public Kind kind() {
    return kind;
  }

  /** The 1-based number of the first bad line. */
  public int line() {
    return line;
  }

  /** What is wrong with the line, in one line of text, without the line number. */
  public String reason() {
    return reason;
  }
}
