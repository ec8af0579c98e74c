package dev.tracker.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  /** The SQLite native library is loaded once per JVM; load it before any snapshot is taken. */
  @BeforeAll
  static void warmUp(@TempDir Path warm) {
    Database.open(DatabaseSettings.defaults(warm.resolve("warm.db"))).close();
  }

  @Test
  void migratesAnEmptyFileToTheCurrentSchema() {
    Path file = dir.resolve("nested/dir/tracker.db");
    try (Database db = Database.open(DatabaseSettings.defaults(file))) {
      List<String> tables =
          db.read(
              s ->
                  s.createNativeQuery(
                          "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
                              + " AND name NOT LIKE 'sqlite_%'"
                              + " AND NOT (type = 'table' AND name LIKE 'issue_fts_%')"
                              + " ORDER BY name",
                          String.class)
                      .getResultList());
      assertThat(tables)
          .contains("project", "issue", "label", "dependency", "comment", "event", "issue_fts")
          .contains("issue_fts_after_insert", "comment_fts_after_insert", "flyway_schema_history");
      List<Object[]> migrations =
          db.read(
              s ->
                  s.createNativeQuery(
                          "SELECT version, success FROM flyway_schema_history"
                              + " WHERE version IS NOT NULL ORDER BY installed_rank",
                          Object[].class)
                      .getResultList());
      assertThat(migrations)
          .extracting(row -> String.valueOf(row[0]))
          .containsExactly("1", "2", "3");
      assertThat(migrations)
          .allSatisfy(row -> assertThat(String.valueOf(row[1])).isIn("1", "true"));
    }
    // Opening again finds the schema current and changes nothing.
    try (Database db = Database.open(DatabaseSettings.defaults(file))) {
      long applied =
          db.read(
              s ->
                  s.createNativeQuery("SELECT count(*) FROM flyway_schema_history", Long.class)
                      .getSingleResult());
      assertThat(applied).isEqualTo(3);
    }
  }

  @Test
  void connectionsUseTheDesignedSqliteSettings() {
    try (Database db = Database.open(DatabaseSettings.defaults(dir.resolve("t.db")))) {
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(db, "busy_timeout")).isEqualTo("10000");
      assertThat(pragma(db, "cache_size")).isEqualTo(String.valueOf(-Database.PAGE_CACHE_KIB));
      String version =
          db.read(
              s -> s.createNativeQuery("SELECT sqlite_version()", String.class).getSingleResult());
      assertThat(version).isNotBlank();
    }
  }

  @Test
  void foreignKeysAndChecksAreEnforced() {
    try (Database db = Database.open(DatabaseSettings.defaults(dir.resolve("t.db")))) {
      assertThatThrownBy(
              () ->
                  db.write(
                      s ->
                          s.createNativeMutationQuery(
                                  "INSERT INTO issue (id, project_id, title, status, priority, type,"
                                      + " created_at, updated_at) VALUES ('x-1', 999, 't', 'open', 2, 'task', 'a', 'a')")
                              .executeUpdate()))
          .isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void closeIsIdempotentAndLeavesNoThreadNoOpenFileAndNoWalFiles() throws IOException {
    Set<String> threadsBefore = trackerThreads();
    Set<String> fdsBefore = openFiles();
    Path file = dir.resolve("tracker.db");

    Database db = Database.open(DatabaseSettings.defaults(file));
    db.write(
        s ->
            s.createNativeMutationQuery(
                    "INSERT INTO project (key, name, created_at) VALUES ('abc', 'n', '2026-01-01T00:00:00.000Z')")
                .executeUpdate());
    assertThat(Files.exists(Path.of(file + "-wal"))).isTrue();
    assertThat(openFiles()).anyMatch(target -> target.startsWith(file.toString()));
    assertThat(trackerThreads()).isNotEmpty();

    db.close();
    db.close();

    assertThat(db.isClosed()).isTrue();
    assertThatThrownBy(() -> db.read(s -> null)).isInstanceOf(IllegalStateException.class);
    assertThat(Files.exists(Path.of(file + "-wal"))).as("-wal removed").isFalse();
    assertThat(Files.exists(Path.of(file + "-shm"))).as("-shm removed").isFalse();
    assertThat(awaitEqual(DatabaseTest::trackerThreads, threadsBefore))
        .as("tracker threads")
        .isEqualTo(threadsBefore);
    assertThat(awaitEqual(DatabaseTest::openFiles, fdsBefore))
        .as("open files")
        .isEqualTo(fdsBefore);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tracker.db");
    }
  }

  @Test
  void closeIsBoundedWhileAWriteIsStillRunning() throws Exception {
    Database db = Database.open(DatabaseSettings.defaults(dir.resolve("t.db")));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              try {
                db.write(
                    s -> {
                      inside.countDown();
                      try {
                        release.await(60, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    });
              } catch (RuntimeException expected) {
                // The pool aborts the connection under it; the write fails, as it should.
              }
            },
            "tracker-test-writer");
    writer.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    db.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    release.countDown();
    writer.join(10_000);

    assertThat(took).isLessThan(Duration.ofSeconds(30));
    assertThat(writer.isAlive()).isFalse();
  }

  /**
   * The backup's promise: a copy taken while a write is under way neither waits for it nor holds
   * half of it. The write here stays open, uncommitted, for the whole copy.
   */
  @Test
  void aCopyDuringAnOpenWriteIsTakenAtOnceWithoutThatWrite() throws Exception {
    try (Database db = Database.open(DatabaseSettings.defaults(dir.resolve("t.db")))) {
      db.write(
          s ->
              s.createNativeMutationQuery(
                      "INSERT INTO project (key, name, created_at, change_count)"
                          + " VALUES ('one', 'One', '2026-01-01T00:00:00.000Z', 0)")
                  .executeUpdate());
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread writer =
          new Thread(
              () ->
                  db.write(
                      s -> {
                        s.createNativeMutationQuery(
                                "INSERT INTO project (key, name, created_at, change_count)"
                                    + " VALUES ('two', 'Two', '2026-01-01T00:00:00.000Z', 0)")
                            .executeUpdate();
                        inside.countDown();
                        try {
                          release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return null;
                      }),
              "tracker-test-writer");
      writer.start();
      try {
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Path copy = dir.resolve("copy.db");
        long start = System.nanoTime();
        db.copyTo(copy);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .as("the copy waited for no writer")
            .isLessThan(Duration.ofSeconds(5));
        assertThat(writer.isAlive()).as("the write is still open").isTrue();
        try (Database copied = Database.open(DatabaseSettings.defaults(copy))) {
          assertThat(copied.quickCheck()).containsExactly("ok");
          assertThat(projectKeys(copied)).containsExactly("one");
        }
      } finally {
        release.countDown();
        writer.join(10_000);
      }
      assertThat(projectKeys(db)).containsExactly("one", "two");
      assertThatThrownBy(() -> db.copyTo(dir.resolve("copy.db")))
          .as("VACUUM INTO never overwrites a database")
          .hasMessageContaining("copy.db");
    }
  }

  @Test
  void openingAnUnusableLocationFailsAndLeavesNothingOpen() throws IOException {
    Set<String> threadsBefore = trackerThreads();
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(
            () -> Database.open(DatabaseSettings.defaults(blocker.resolve("tracker.db"))))
        .hasMessageContaining("cannot create the data directory");
    Path notADb =
        Files.writeString(
            dir.resolve("garbage.db"), "this is not a sqlite database, not at all....");
    assertThatThrownBy(() -> Database.open(DatabaseSettings.defaults(notADb)))
        .isInstanceOf(RuntimeException.class);
    assertThat(awaitEqual(DatabaseTest::trackerThreads, threadsBefore)).isEqualTo(threadsBefore);
  }

  private static List<String> projectKeys(Database db) {
    return db.read(
        s ->
            s.createNativeQuery("SELECT key FROM project ORDER BY key", String.class)
                .getResultList());
  }

  private static String pragma(Database db, String name) {
    Object value =
        db.read(s -> s.createNativeQuery("PRAGMA " + name, Object.class).getSingleResult());
    return String.valueOf(value);
  }

  static Set<String> trackerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("tracker-"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Targets of this process's open file descriptors (Linux). */
  static Set<String> openFiles() {
    Set<String> targets = new TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(
          fd -> {
            try {
              targets.add(Files.readSymbolicLink(fd).toString());
            } catch (IOException gone) {
              // The descriptor used to list the directory itself closes while we read it.
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    targets.removeIf(t -> t.startsWith("/proc/"));
    return targets;
  }

  /** Polls briefly: threads and descriptors are released asynchronously after close returns. */
  static <T> T awaitEqual(java.util.function.Supplier<T> probe, T expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    T value = probe.get();
    while (!value.equals(expected) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = probe.get();
    }
    return value;
  }
}
