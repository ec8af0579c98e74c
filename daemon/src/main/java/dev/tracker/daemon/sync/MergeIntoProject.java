package dev.tracker.daemon.sync;

import dev.tracker.daemon.issues.ConcurrentChangeException;
import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.sync.jsonl.IssueLine;
import dev.tracker.daemon.sync.jsonl.IssueMerge;
import java.util.List;

/**
 * Merges issue lines into a project's database, as one transaction that is written only if the
 * project did not change since the snapshot the merge started from. If it did (an API write came in
 * between), the merge starts again from a new snapshot, a bounded number of times.
 */
final class MergeIntoProject {
  static final int ATTEMPTS = 3;

  private MergeIntoProject() {}

  /** What a merge produced: the project's lines before and after, and how many were written. */
  record Outcome(List<IssueLine> before, List<IssueLine> merged, int written) {}

  /**
   * Merges {@code theirs} into the project with {@code base} as the common ancestor ({@code null}:
   * none). With {@code write} false nothing is written: the outcome says what would change.
   */
  static Outcome merge(
      SyncStore store, String key, List<IssueLine> base, List<IssueLine> theirs, boolean write) {
    for (int attempt = 1; ; attempt++) {
      SyncStore.Snapshot ours = store.snapshot(key);
      List<IssueLine> merged = IssueMerge.merge(base, ours.lines(), theirs);
      if (!write) {
        return new Outcome(ours.lines(), merged, 0);
      }
      try {
        return new Outcome(ours.lines(), merged, store.apply(key, ours, merged));
      } catch (ConcurrentChangeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
