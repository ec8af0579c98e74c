package dev.tracker.cli;

import dev.tracker.core.error.ExitCode;

/**
 * A failure reported to the user as one line on stderr ({@code tracker: <message>}), followed by a
 * hint line when there is one, and ended with {@link #exitCode()}. {@code details} are extra lines
 * shown between the two, such as the tail of the daemon's log.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String code;
  private final String hint;
  private final String details;

  public CliException(int exitCode, String code, String message, String hint, String details) {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
    this.hint = hint;
    this.details = details;
  }

  public static CliException usage(String message, String hint) {
    return new CliException(ExitCode.USAGE, "usage", message, hint, null);
  }

  public static CliException error(String message, String hint) {
    return new CliException(ExitCode.ERROR, "error", message, hint, null);
  }

  public static CliException notFound(String message, String hint) {
    return new CliException(ExitCode.NOT_FOUND, "not_found", message, hint, null);
  }

  public static CliException unavailable(String message, String hint) {
    return new CliException(ExitCode.UNAVAILABLE, "daemon_unavailable", message, hint, null);
  }

  public CliException withDetails(String moreDetails) {
    return new CliException(exitCode, code, getMessage(), hint, moreDetails);
  }

  public int exitCode() {
    return exitCode;
  }

  /** The daemon's problem code, or a CLI-side one ({@code usage}, {@code error}). */
  public String code() {
    return code;
  }

  public String hint() {
    return hint;
  }

  public String details() {
    return details;
  }
}
