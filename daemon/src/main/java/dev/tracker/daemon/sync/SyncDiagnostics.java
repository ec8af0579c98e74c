package dev.tracker.daemon.sync;

import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.sync.jsonl.FileBytes;
import dev.tracker.daemon.sync.jsonl.JsonlCodec;
import dev.tracker.daemon.sync.jsonl.JsonlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code tracker doctor} asks about sync: git, and whether each project's file parses. */
public final class SyncDiagnostics {
  private final SyncStore store;

  public SyncDiagnostics(SyncStore store) {
    this.store = store;
  }

  /** {@code available}, and git's version line or the reason it cannot run. */
  public Map<String, Object> git() {
    Map<String, Object> git = new LinkedHashMap<>();
    try {
      Git.Result result = Git.run(Path.of("/"), List.of("--version"));
      git.put("available", result.exitCode() == 0);
      git.put("detail", result.output());
    } catch (IOException e) {
      git.put("available", false);
      git.put("detail", e.getMessage());
    }
    return git;
  }

  /** Each project with a repository: its file, whether it exists, and whether it parses. */
  public List<Map<String, Object>> files() {
    List<Map<String, Object>> files = new ArrayList<>();
    for (SyncStore.Target target : store.targets()) {
      Path file = Path.of(target.root()).resolve(ProjectSync.DIRECTORY).resolve(ProjectSync.FILE);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("project", target.key());
      entry.put("file", file.toString());
      entry.put("exists", Files.exists(file));
      entry.put("error", parseError(file));
      files.add(entry);
    }
    return files;
  }

  private static String parseError(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonlCodec.read(FileBytes.read(file));
      return null;
    } catch (JsonlException e) {
      return "line " + e.line() + ": " + e.reason();
    } catch (IOException e) {
      return "cannot read: " + e.getMessage();
    }
  }
}
