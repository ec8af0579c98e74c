package dev.tracker.daemon.lifecycle;

import java.util.OptionalLong;

/** Another daemon holds the lock. Not an error for a starter: the user's daemon is running. */
public final class AlreadyRunningException extends Exception {
  private static final long serialVersionUID = 1L;

  private final OptionalLong pid;

  AlreadyRunningException(OptionalLong pid) {
    super("already running" + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : ""));
    this.pid = pid;
  }

  public OptionalLong pid() {
    return pid;
  }
}
