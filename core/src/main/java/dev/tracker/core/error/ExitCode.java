package dev.tracker.core.error;

/**
 * Process exit codes of the {@code tracker} CLI. Documented in docs/cli.md; scripts rely on them.
 */
public final class ExitCode {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int CONFLICT = 4;
  public static final int UNAVAILABLE = 5;

  private ExitCode() {}
}
