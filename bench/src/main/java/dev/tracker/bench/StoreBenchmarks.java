package dev.tracker.bench;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.Page;
import dev.tracker.core.api.SearchHit;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Latency of the store's hot paths over a real SQLite file holding the {@link Dataset}: one fresh
 * file per trial (each benchmark runs in its own fork), deleted afterwards. Sample-time mode, so
 * that JMH reports percentiles; the run script reads the median.
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
public class StoreBenchmarks {
  private static final int POINT_READ_IDS = 1_024;

  private Path directory;
  private Database database;
  private IssueStore store;
  private Dataset.Facts facts;
  private IssueQuery filtered;
  private int created;

  private Connection baseline;
  private PreparedStatement pointRead;
  private Connection floor;
  private PreparedStatement floorInsert;
  private long floorRows;
  private String[] pointReadIds;
  private int pointReadNext;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    directory = Files.createTempDirectory("tracker-bench-");
    Path file = directory.resolve("tracker.db");
    long started = System.nanoTime();
    database = Database.open(DatabaseSettings.defaults(file));
    store = new IssueStore(database, Clock.systemUTC(), new SplittableRandom(Dataset.SEED + 1));
    facts = Dataset.seed(store, file);
    long seeded = System.nanoTime();

    filtered =
        IssueQuery.builder()
            .statuses(Status.OPEN, Status.IN_PROGRESS)
            .priorities(Priority.HIGH, Priority.MEDIUM)
            .allLabels("backend")
            .limit(50)
            .build();

    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    SQLiteDataSource source = new SQLiteDataSource(readOnly);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    baseline = source.getConnection();
    pointRead = baseline.prepareStatement("SELECT title FROM issue WHERE id = ?");
    List<String> ids = new ArrayList<>(facts.issueIds());
    Collections.shuffle(ids, new Random(Dataset.SEED));
    pointReadIds = ids.subList(0, POINT_READ_IDS).toArray(String[]::new);

    // The floor under every write: one small row committed durably (WAL, synchronous=FULL) on the
    // same disk, through plain JDBC, without Hibernate, validation or history.
    SQLiteConfig durable = new SQLiteConfig();
    durable.setJournalMode(SQLiteConfig.JournalMode.WAL);
    durable.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    SQLiteDataSource floorSource = new SQLiteDataSource(durable);
    floorSource.setUrl("jdbc:sqlite:" + directory.resolve("floor.db").toAbsolutePath());
    floor = floorSource.getConnection();
    try (var ddl = floor.createStatement()) {
      ddl.execute("CREATE TABLE row (id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
    }
    floor.setAutoCommit(false);
    floorInsert = floor.prepareStatement("INSERT INTO row (title) VALUES (?)");

    check(seeded - started);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, SQLException {
    try {
      if (pointRead != null) {
        pointRead.close();
      }
      if (baseline != null) {
        baseline.close();
      }
      if (floorInsert != null) {
        floorInsert.close();
      }
      if (floor != null) {
        floor.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
      deleteRecursively(directory);
    }
  }

  /** Open, unblocked issues by priority then age: the store's default page of 100. */
  @Benchmark
  public List<Issue> ready() {
    return store.queries().ready(Dataset.PROJECT, null);
  }

  /** Full-text search for a word that occurs in a few dozen issues. */
  @Benchmark
  public List<SearchHit> search() {
    return store.queries().search(Dataset.PROJECT, Dataset.RARE_WORD, null);
  }

  /** One issue with a title and two labels, in its own transaction (the file grows each call). */
  @Benchmark
  public Issue create() {
    IssueDraft draft =
        new IssueDraft(
            "Benchmark issue " + ++created,
            null,
            null,
            null,
            null,
            null,
            List.of("bench", "performance"),
            null,
            null);
    return store.issues().create(Dataset.PROJECT, draft, Dataset.ACTOR);
  }

  /** Open or in-progress issues of priority 1 to 2 labelled backend, first page of 50. */
  @Benchmark
  public Page<Issue> listFiltered50() {
    return store.queries().list(Dataset.PROJECT, filtered);
  }

  /**
   * Adding "first link of the chain depends on the last one" would close a cycle through all 5,000
   * issues, so the store must walk the whole chain to refuse it.
   */
  @Benchmark
  public void cycleCheck5000(Blackhole blackhole) {
    blackhole.consume(refusedCycle());
  }

  /** Baseline: one indexed point read through a plain read-only JDBC connection. */
  /** The durable-commit floor that {@code create} cannot go below on this disk. */
  @Benchmark
  public long baselineDurableCommit() throws SQLException {
    floorInsert.setString(1, "floor row " + floorRows);
    floorInsert.executeUpdate();
    floor.commit();
    return ++floorRows;
  }

  @Benchmark
  public String baselinePointRead() throws SQLException {
    pointRead.setString(1, pointReadIds[pointReadNext++ & (POINT_READ_IDS - 1)]);
    try (ResultSet result = pointRead.executeQuery()) {
      return result.next() ? result.getString(1) : null;
    }
  }

  private TrackerException refusedCycle() {
    try {
      store
          .dependencies()
          .add(
              Dataset.CHAIN,
              facts.chainFirst(),
              facts.chainLast(),
              DependencyKind.BLOCKS,
              Dataset.ACTOR);
    } catch (TrackerException e) {
      if (e.code() == ErrorCode.DEPENDENCY_CYCLE) {
        return e;
      }
      throw e;
    }
    throw new IllegalStateException("the store accepted an edge that closes a cycle");
  }

  /** Fails the trial early if the data set is not what the benchmarks assume. */
  private void check(long seedNanos) throws SQLException {
    int ready = ready().size();
    int hits = search().size();
    Page<Issue> page = listFiltered50();
    int cyclePath = refusedCycle().candidates().size();
    require(ready == 100, "ready should fill its default page of 100, got " + ready);
    require(hits >= 24 && hits <= 60, "search should find a few dozen issues, got " + hits);
    require(
        page.items().size() == 50 && page.nextCursor() != null,
        "the filtered list should fill a page of 50 and have more, got " + page.items().size());
    require(
        cyclePath == Dataset.CHAIN_LENGTH + 1,
        "the refused cycle should run through the whole chain, got " + cyclePath + " ids");
    require(
        store.dependencies().cycles(Dataset.PROJECT).isEmpty(),
        "blocks edges of the main project should form a DAG");
    require(baselinePointRead() != null, "the baseline read should find its issue");
    System.out.printf(
        "dataset: %,d issues + %,d-issue chain, %,d blocks edges, %,d comments, %,d labels;"
            + " seeded in %.1f s; search hits %d%n",
        facts.issueIds().size(),
        Dataset.CHAIN_LENGTH,
        facts.blocksEdges(),
        facts.comments(),
        facts.labels(),
        seedNanos / 1e9,
        hits);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("data set check failed: " + message);
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
