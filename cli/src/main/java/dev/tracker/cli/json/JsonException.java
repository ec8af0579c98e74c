package dev.tracker.cli.json;

/** Text that is not the JSON expected, with where it went wrong (1-based line and column). */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  JsonException(String message, int line, int column) {
    super("invalid JSON at line " + line + ", column " + column + ": " + message);
    this.line = line;
    this.column = column;
  }

  /** A value of the wrong shape in well-formed JSON (no position: the text itself was fine). */
  public JsonException(String message) {
    super(message);
    this.line = 0;
    this.column = 0;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
