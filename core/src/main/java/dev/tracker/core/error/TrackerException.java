package dev.tracker.core.error;

import java.util.List;

/**
 * A failure the user can act on. The message is one line meant for humans; {@link #field()} names
 * the offending input where there is one; {@link #candidates()} lists alternatives (for example the
 * ids an ambiguous prefix matched).
 */
public class TrackerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String field;
  private final List<String> candidates;

  public TrackerException(ErrorCode code, String message) {
    this(code, message, null, List.of(), null);
  }

  public TrackerException(ErrorCode code, String message, Throwable cause) {
    this(code, message, null, List.of(), cause);
  }

  public TrackerException(
      ErrorCode code, String message, String field, List<String> candidates, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.field = field;
    this.candidates = List.copyOf(candidates);
  }

  public static TrackerException invalid(String field, String message) {
    return new TrackerException(
        ErrorCode.VALIDATION_FAILED, field + ": " + message, field, List.of(), null);
  }

  public static TrackerException notFound(String what) {
    return new TrackerException(ErrorCode.NOT_FOUND, what + " not found");
  }

  public ErrorCode code() {
    return code;
  }

  public String field() {
    return field;
  }

  public List<String> candidates() {
    return candidates;
  }
}
