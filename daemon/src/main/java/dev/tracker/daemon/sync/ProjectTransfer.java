package dev.tracker.daemon.sync;

import dev.tracker.core.error.TrackerException;
import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.sync.jsonl.FileBytes;
import dev.tracker.daemon.sync.jsonl.IssueLine;
import dev.tracker.daemon.sync.jsonl.JsonlCodec;
import dev.tracker.daemon.sync.jsonl.JsonlException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Export and import of a project in the sync file's format, for {@code tracker export} and {@code
 * tracker import}. An import is the sync's merge without a base (newer edits win field by field;
 * labels, dependencies and comments are united; tombstones delete what they outdate), written in
 * one transaction: ids are kept, and a file with any bad line changes nothing.
 */
public final class ProjectTransfer {
  private final SyncStore store;

  public ProjectTransfer(SyncStore store) {
    this.store = store;
  }

  /** The project's issues, tombstones included, exactly as the sync file would hold them. */
  public byte[] export(String projectKey) {
    return JsonlCodec.write(store.snapshot(projectKey).lines());
  }

  public ImportReport importFile(String projectKey, String file, boolean dryRun) {
    List<IssueLine> theirs = read(projectKey, file);
    MergeIntoProject.Outcome outcome =
        MergeIntoProject.merge(store, projectKey, null, theirs, !dryRun);
    return report(projectKey, file, dryRun, outcome);
  }

  private static List<IssueLine> read(String projectKey, String file) {
    if (file == null || file.isBlank()) {
      throw TrackerException.invalid("file", "is required: the JSONL file to import");
    }
    Path path = Path.of(file);
    if (!path.isAbsolute()) {
      throw TrackerException.invalid("file", "must be an absolute path (got '" + file + "')");
    }
    byte[] content;
    try {
      content = FileBytes.read(path);
    } catch (NoSuchFileException e) {
      throw TrackerException.invalid("file", "no such file: " + file);
    } catch (IOException e) {
      throw TrackerException.invalid("file", "cannot read " + file + ": " + e.getMessage());
    }
    List<IssueLine> lines;
    try {
      lines = JsonlCodec.read(content);
    } catch (JsonlException e) {
      throw TrackerException.invalid(
          "file", file + ":" + e.line() + ": " + e.reason() + "; nothing was imported");
    }
    String prefix = projectKey + "-";
    for (IssueLine line : lines) {
      if (!line.id().startsWith(prefix)) {
        throw TrackerException.invalid(
            "file",
            "issue '"
                + line.id()
                + "' does not belong to project '"
                + projectKey
                + "' (its ids start with '"
                + prefix
                + "'); nothing was imported");
      }
    }
    return lines;
  }

  private static ImportReport report(
      String projectKey, String file, boolean dryRun, MergeIntoProject.Outcome outcome) {
    Map<String, IssueLine> before = new HashMap<>();
    outcome.before().forEach(line -> before.put(line.id(), line));
    List<ImportReport.Change> changes = new ArrayList<>();
    int created = 0;
    int updated = 0;
    int deleted = 0;
    int unchanged = 0;
    for (IssueLine line : outcome.merged()) {
      IssueLine old = before.get(line.id());
      String change;
      if (line.equals(old)) {
        unchanged++;
        continue;
      } else if (line.deletedAt() != null && (old == null || old.deletedAt() == null)) {
        change = "delete";
        deleted++;
      } else if (old == null) {
        change = "create";
        created++;
      } else {
        change = "update";
        updated++;
      }
      changes.add(new ImportReport.Change(line.id(), change, line.title()));
    }
    return new ImportReport(
        projectKey, file, dryRun, created, updated, deleted, unchanged, List.copyOf(changes));
  }
}
