package dev.tracker.daemon.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One project's sync state as status shows it. Immutable: the sync thread replaces it whole, so a
 * reader on another thread always sees one consistent state.
 *
 * @param pausedAt when set, the file cannot be parsed; import and export are paused for the project
 *     and this names the line, until the file is fixed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncState(
    String project,
    String file,
    Instant lastExport,
    Instant lastImport,
    boolean dirty,
    String lastError,
    String pausedAt,
    long exportedChangeCount) {

  static SyncState initial(String project, String file) {
    return new SyncState(project, file, null, null, true, null, null, -1);
  }

  // Exporting and importing keep the last error: a cycle clears it only once it has ended without
  // one (ProjectSync.cycle), so that status never shows "no error" between an export and the
  // commit that fails after it.
  SyncState exported(Instant at, long changeCount) {
    return new SyncState(project, file, at, lastImport, false, lastError, null, changeCount);
  }

  SyncState imported(Instant at) {
    return new SyncState(
        project, file, lastExport, at, dirty, lastError, null, exportedChangeCount);
  }

  SyncState paused(String where) {
    return new SyncState(
        project, file, lastExport, lastImport, dirty, null, where, exportedChangeCount);
  }

  SyncState resumed() {
    return new SyncState(
        project, file, lastExport, lastImport, dirty, lastError, null, exportedChangeCount);
  }

  SyncState recovered() {
    return new SyncState(
        project, file, lastExport, lastImport, dirty, null, pausedAt, exportedChangeCount);
  }

  SyncState failed(String error) {
    return new SyncState(
        project, file, lastExport, lastImport, dirty, error, pausedAt, exportedChangeCount);
  }

  SyncState markedDirty() {
    return new SyncState(
        project, file, lastExport, lastImport, true, lastError, pausedAt, exportedChangeCount);
  }
}
