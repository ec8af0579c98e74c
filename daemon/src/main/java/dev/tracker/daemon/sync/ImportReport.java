package dev.tracker.daemon.sync;

import java.util.List;

/** What an import did (or, on a dry run, would do): counts, and each changed issue. */
public record ImportReport(
    String project,
    String file,
    boolean dryRun,
    int created,
    int updated,
    int deleted,
    int unchanged,
    List<Change> changes) {

  /** One issue the import creates, updates or deletes. */
  public record Change(String id, String change, String title) {}
}
