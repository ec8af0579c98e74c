package dev.tracker.daemon.sync;

import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.sync.jsonl.AtomicFiles;
import dev.tracker.daemon.sync.jsonl.FileBytes;
import dev.tracker.daemon.sync.jsonl.IssueLine;
import dev.tracker.daemon.sync.jsonl.JsonlCodec;
import dev.tracker.daemon.sync.jsonl.JsonlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;

/**
 * One project's sync, run only on the sync thread: import the file when it changed outside the
 * daemon, export when the project's change counter moved (or the file is gone). A file that cannot
 * be parsed is never overwritten: the project pauses, naming the line, until the file is fixed.
 */
final class ProjectSync {
  static final String DIRECTORY = ".tracker";
  static final String FILE = "issues.jsonl";

  /** Older than any write in progress: a write takes milliseconds, even of a large project. */
  private static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(1);

  private final SyncStore store;
  private final Clock clock;
  private final boolean gitCommit;
  private final String key;
  private final String name;
  private final Path root;
  private final Path file;
  private volatile SyncState state;

  /** The base of the next three-way merge. */
  private final SyncBase base;

  private String lastHash;
  private Fingerprint lastSeen;

  /** The file lacks something the database has (the merge kept it): write it back. */
  private boolean fileBehind;

  /**
   * An export was written but not committed (git failed, e.g. another git command held the index
   * lock): the next cycles retry the commit, since no new export may come to carry it.
   */
  private boolean commitPending;

  private long handledBytes;

  /**
   * The current cycle imported or exported: if it ends without an error, it clears the last one.
   */
  private boolean progressed;

  /** Temporary files a killed daemon left beside the file are removed once, at the first cycle. */
  private boolean leftoversRemoved;

  ProjectSync(
      SyncStore store,
      Clock clock,
      boolean gitCommit,
      String key,
      String name,
      Path root,
      Path baseDirectory) {
    this.base = new SyncBase(baseDirectory, key);
    this.name = name;
    this.store = store;
    this.clock = clock;
    this.gitCommit = gitCommit;
    this.key = key;
    this.root = root;
    this.file = root.resolve(DIRECTORY).resolve(FILE);
    this.state = SyncState.initial(key, file.toString());
  }

  SyncState state() {
    return state;
  }

  /**
   * The size of the largest file content the last cycle parsed or encoded (0 if it did neither):
   * what it allocated grows with this, whether or not the file was then written or merged.
   */
  long handledBytes() {
    return handledBytes;
  }

  void markDirty() {
    state = state.markedDirty();
  }

  /** Imports, then exports, as needed; {@code changeCount} is the counter the caller just read. */
  SyncReport cycle(long changeCount, boolean force) {
    handledBytes = 0;
    progressed = false;
    try {
      if (!leftoversRemoved) {
        AtomicFiles.removeLeftovers(file, LEFTOVER_AGE);
        leftoversRemoved = true;
      }
      int imported = importIfChanged();
      if (state.pausedAt() != null) {
        return new SyncReport(key, false, 0, false, state.pausedAt(), null);
      }
      boolean exported = false;
      boolean committed = false;
      if (force
          || fileBehind
          || changeCount != state.exportedChangeCount()
          || !Files.exists(file)) {
        exported = export();
        commitPending |= exported && gitCommit;
      }
      if (commitPending) {
        committed = commit();
        commitPending = false;
      }
      if (progressed || committed) {
        state = state.recovered();
      }
      return new SyncReport(key, exported, imported, committed, null, null);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      state = state.failed(message);
      return new SyncReport(key, false, 0, false, null, message);
    }
  }

  private int importIfChanged() throws IOException {
    Fingerprint seen = Fingerprint.of(file);
    if (seen == null) {
      // The unreadable file is gone (the user removed it): nothing blocks the export any more.
      lastSeen = null;
      if (state.pausedAt() != null) {
        state = state.resumed();
      }
      return 0;
    }
    if (seen.equals(lastSeen)) {
      return 0;
    }
    byte[] content = FileBytes.read(file);
    String hash = SyncBase.sha256(content);
    lastSeen = seen;
    if (hash.equals(lastHash)) {
      return 0;
    }
    List<IssueLine> theirs;
    handledBytes = Math.max(handledBytes, content.length);
    try {
      theirs = JsonlCodec.read(content);
    } catch (JsonlException e) {
      lastHash = hash;
      state = state.paused(file + ":" + e.line() + ": " + e.reason());
      return 0;
    }
    MergeIntoProject.Outcome outcome =
        MergeIntoProject.merge(store, key, parsedBase(), theirs, true);
    lastHash = hash;
    base.keep(content, hash);
    fileBehind = !outcome.merged().equals(theirs);
    state = state.imported(clock.instant());
    progressed = true;
    return outcome.written();
  }

  private List<IssueLine> parsedBase() throws IOException {
    byte[] content = base.content();
    try {
      return content == null ? null : JsonlCodec.read(content);
    } catch (JsonlException e) {
      throw new IllegalStateException("the sync base no longer parses: " + e.getMessage(), e);
    }
  }

  /** Writes the file if its content would change; true if it was written. */
  private boolean export() throws IOException {
    SyncStore.Snapshot snapshot = store.snapshot(key);
    byte[] content = JsonlCodec.write(snapshot.lines());
    handledBytes = Math.max(handledBytes, content.length);
    String hash = SyncBase.sha256(content);
    boolean write = !hash.equals(lastHash) || !Files.exists(file);
    if (write) {
      Files.createDirectories(file.getParent());
      writeProjectFileIfMissing();
      AtomicFiles.write(file, content);
      lastSeen = Fingerprint.of(file);
    }
    lastHash = hash;
    base.keep(content, hash);
    fileBehind = false;
    state = state.exported(clock.instant(), snapshot.changeCount());
    progressed = true;
    return write;
  }

  /**
   * {@code .tracker/project.toml} names the project in its repository, so that a clone knows which
   * key its issues belong to. Written once; a user's edits are never overwritten.
   */
  private void writeProjectFileIfMissing() throws IOException {
    Path toml = file.resolveSibling("project.toml");
    if (!Files.exists(toml)) {
      String content = "key = " + tomlString(key) + "\nname = " + tomlString(name) + "\n";
      AtomicFiles.write(toml, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static String tomlString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private boolean commit() throws IOException {
    if (!Git.isRepository(root)) {
      return false;
    }
    return Git.commit(root, DIRECTORY + "/" + FILE, "tracker: sync issues");
  }

  /** Size and modification time: a stat, so an idle tick never reads the file. */
  private record Fingerprint(long size, long modifiedNanos, Object fileKey) {
    static Fingerprint of(Path file) throws IOException {
      if (!Files.exists(file)) {
        return null;
      }
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Fingerprint(
          attributes.size(),
          attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          attributes.fileKey());
    }
  }
}
