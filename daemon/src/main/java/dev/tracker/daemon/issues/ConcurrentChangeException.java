package dev.tracker.daemon.issues;

/**
 * The project changed between the snapshot a merge started from and the write of its result: the
 * write was rolled back, and the caller merges again from a new snapshot. Without this check an
 * edit made through the API during an import would have been overwritten by the merge.
 */
public final class ConcurrentChangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConcurrentChangeException(String projectKey, long expected, long found) {
    super(
        "project '"
            + projectKey
            + "' changed during the merge (change "
            + expected
            + ", now "
            + found
            + ")");
  }
}
