package dev.tracker.bench;

import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseSettings;
import dev.tracker.daemon.sync.jsonl.AtomicFiles;
import dev.tracker.daemon.sync.jsonl.JsonlCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sync loop's two costs over the {@link Dataset}, whose project {@value Dataset#PROJECT} here
 * lives in a repository directory (its root) so that it is a sync target:
 *
 * <ul>
 *   <li>{@code idleTick}: what the sync thread does every interval when nothing changed, made of
 *       the public pieces of {@code SyncService.tick} and {@code ProjectSync.cycle}: one query for
 *       every target's change counter ({@link SyncStore#targets()}), then per target the file's
 *       stat (exists + size, modification time, file key) and the export check ({@code changeCount
 *       == exported}, file still there). The tick itself is private; it adds only a map lookup.
 *   <li>{@code export10k}: what an export of 10,000 issues costs, as {@code ProjectSync.export}
 *       does it: {@link SyncStore#snapshot}, {@link JsonlCodec#write}, the SHA-256 of the content
 *       (to skip unchanged writes) and {@link AtomicFiles#write} (temp file, fsync, rename, fsync
 *       of the directory). Every call writes.
 * </ul>
 *
 * Baselines: {@code StoreBenchmarks.baselinePointRead} for the idle tick (run it in the same
 * invocation), and {@code baselineWrite10k} here: the same number of bytes written to a file with
 * one {@code FileChannel.write} and one {@code force}, the disk's floor under any export.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class SyncBenchmarks {
  private Path directory;
  private Database database;
  private SyncStore sync;
  private Path file;
  private Path floorFile;
  private long exportedChangeCount;
  private SyncStore.Snapshot snapshot;
  private byte[] content;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    directory = Files.createTempDirectory("tracker-sync-bench-");
    Path db = directory.resolve("tracker.db");
    Path root = directory.resolve("repo");
    Files.createDirectories(root.resolve(".tracker"));
    long started = System.nanoTime();
    database = Database.open(DatabaseSettings.defaults(db));
    IssueStore store =
        new IssueStore(database, Clock.systemUTC(), new SplittableRandom(Dataset.SEED + 1));
    Dataset.seed(store, db, root);
    long seeded = System.nanoTime();
    sync = new SyncStore(database);
    file = root.resolve(".tracker").resolve("issues.jsonl");
    floorFile = directory.resolve("floor.jsonl");

    // The state an idle tick finds: the file exported, the counter unchanged since.
    snapshot = sync.snapshot(Dataset.PROJECT);
    content = JsonlCodec.write(snapshot.lines());
    AtomicFiles.write(file, content);
    exportedChangeCount = snapshot.changeCount();

    List<SyncStore.Target> targets = sync.targets();
    require(targets.size() == 1, "one sync target expected, got " + targets);
    require(
        targets.get(0).root().equals(root.toAbsolutePath().toString()),
        "the target should be the seeded repository, got " + targets.get(0).root());
    require(
        snapshot.lines().size() == Dataset.ISSUES,
        "the snapshot should hold every issue, tombstones included, got "
            + snapshot.lines().size());
    require(idleTick() > 0, "the idle tick should see the exported file");
    System.out.printf(
        "sync dataset: %,d issues in the snapshot, file %,d bytes; seeded in %.1f s%n",
        snapshot.lines().size(), content.length, (seeded - started) / 1e9);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try {
      if (database != null) {
        database.close();
      }
    } finally {
      deleteRecursively(directory);
    }
  }

  /** One idle interval tick: the targets query, then the stat and export check per target. */
  @Benchmark
  public long idleTick() throws IOException {
    long seen = 0;
    for (SyncStore.Target target : sync.targets()) {
      Path tracked = Path.of(target.root()).resolve(".tracker").resolve("issues.jsonl");
      if (Files.exists(tracked)) {
        BasicFileAttributes attributes = Files.readAttributes(tracked, BasicFileAttributes.class);
        seen +=
            attributes.size()
                + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                + (attributes.fileKey() == null ? 0 : attributes.fileKey().hashCode());
      }
      if (target.changeCount() != exportedChangeCount || !Files.exists(tracked)) {
        throw new IllegalStateException("the tick is not idle: the project would be exported");
      }
    }
    return seen;
  }

  /** Part of the idle tick: only the targets query. */
  @Benchmark
  public List<SyncStore.Target> idleTickTargetsOnly() {
    return sync.targets();
  }

  /** A full export of the project's 10,000 issues to its file, written durably every time. */
  @Benchmark
  @Measurement(iterations = 5, time = 4)
  public int export10k() throws IOException {
    SyncStore.Snapshot taken = sync.snapshot(Dataset.PROJECT);
    byte[] bytes = JsonlCodec.write(taken.lines());
    String hash = sha256(bytes);
    AtomicFiles.write(file, bytes);
    return bytes.length + hash.length();
  }

  /** Part of the export: only the snapshot query and its mapping to sync lines. */
  @Benchmark
  @Measurement(iterations = 5, time = 4)
  public SyncStore.Snapshot exportSnapshotOnly() {
    return sync.snapshot(Dataset.PROJECT);
  }

  /** Part of the export: only encoding a snapshot taken at setup as JSON lines. */
  @Benchmark
  @Measurement(iterations = 5, time = 4)
  public byte[] exportEncodeOnly() {
    return JsonlCodec.write(snapshot.lines());
  }

  /** Baseline: the export's byte count written to a file in one write and forced to disk. */
  @Benchmark
  @Measurement(iterations = 5, time = 4)
  public long baselineWrite10k() throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            floorFile,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
      return channel.size();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("sync data set check failed: " + message);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
