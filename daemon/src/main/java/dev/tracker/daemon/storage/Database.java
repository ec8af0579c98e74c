package dev.tracker.daemon.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.community.dialect.SQLiteDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The daemon's only SQLite engine: one HikariCP pool and one Hibernate SessionFactory, each created
 * exactly once, here and nowhere else. Opening migrates the schema with Flyway; {@link #close()}
 * closes the SessionFactory, then the pool, once, however often it is called.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /**
   * SQLite's page cache of each pooled connection, in KiB (SQLite's default is 2,000). Every
   * connection keeps its own, outside the Java heap: four full default caches were about 6 MB of
   * the daemon's resident memory serving 10,000 issues, and with a quarter megabyte each the reads
   * ran as fast, since a miss is a read from the operating system's file cache, not from disk.
   */
  static final int PAGE_CACHE_KIB = 256;

  private final DatabaseSettings settings;
  private final HikariDataSource pool;
  private final SessionFactoryBoot boot;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(DatabaseSettings settings, HikariDataSource pool, SessionFactoryBoot boot) {
    this.settings = settings;
    this.pool = pool;
    this.boot = boot;
  }

  /**
   * Opens (creating if needed) and migrates the database. Hibernate may still be starting when this
   * returns: the first session waits for it, and {@link #awaitReady()} waits for it and reports its
   * failure. On failure nothing stays open.
   */
  public static Database open(DatabaseSettings settings) {
    createParentDirectory(settings);
    refuseReadOnly(settings.file());
    // The pool starts at its first connection, so Hibernate's boot begins before SQLite's native
    // library is loaded and the schema is checked, not after.
    HikariDataSource pool = lazyPool(settings);
    SessionFactoryBoot boot = SessionFactoryBoot.start(() -> buildSessionFactory(pool));
    try {
      migrate(pool);
      return new Database(settings, pool, boot);
    } catch (RuntimeException | Error e) {
      boot.close();
      pool.close();
      throw e;
    }
  }

  /** Waits until Hibernate has started; throws what its boot threw. */
  public void awaitReady() {
    boot.await();
    log.info("database open: {}", settings.file());
  }

  /**
   * Runs {@code work} in one IMMEDIATE transaction: committed if it returns, rolled back if not.
   */
  public <T> T write(Function<Session, T> work) {
    ensureOpen();
    try {
      return boot.await().fromTransaction(work);
    } catch (RuntimeException e) {
      throw SqliteErrors.translate(e, settings.file());
    }
  }

  /**
   * Runs {@code work} without a transaction. SQLite's IMMEDIATE mode takes the write lock at BEGIN,
   * so reads stay out of transactions to keep them from queueing behind writers.
   */
  public <T> T read(Function<Session, T> work) {
    ensureOpen();
    try {
      return boot.await()
          .fromSession(
              session -> {
                session.setDefaultReadOnly(true);
                return work.apply(session);
              });
    } catch (RuntimeException e) {
      throw SqliteErrors.translate(e, settings.file());
    }
  }

  /**
   * SQLite's {@code PRAGMA quick_check}: {@code ["ok"]} for a sound file, else the problems found
   * (at most 20). A read: it never blocks writers in WAL mode.
   */
  public List<String> quickCheck() {
    return read(
        session ->
            session.createNativeQuery("PRAGMA quick_check(20)", String.class).getResultList());
  }

  /**
   * Writes a copy of the database to {@code target}, which must not exist, with SQLite's {@code
   * VACUUM INTO}: the copy is the state of one read transaction, so writers carry on meanwhile
   * (WAL) and the copy is consistent and compacted. It runs outside Hibernate, on a pooled
   * connection in auto-commit mode, since SQLite refuses a VACUUM inside a transaction.
   */
  public void copyTo(Path target) {
    ensureOpen();
    try (Connection connection = pool.getConnection();
        PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, target.toString());
      vacuum.execute();
    } catch (SQLException e) {
      // A full disk here is the target's, so the error names where the copy was going.
      throw SqliteErrors.translate(
          new IllegalStateException("VACUUM INTO " + target + " failed: " + e.getMessage(), e),
          target);
    }
  }

  /** How long a trivial query takes, in milliseconds: the health check's view of the engine. */
  public double ping() {
    long start = System.nanoTime();
    read(session -> session.createNativeQuery("SELECT 1", Integer.class).getSingleResult());
    return (System.nanoTime() - start) / 1e6;
  }

  /** Connections in use and idle, for metrics. */
  public PoolStats poolStats() {
    com.zaxxer.hikari.HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return bean == null
        ? new PoolStats(0, 0)
        : new PoolStats(bean.getActiveConnections(), bean.getIdleConnections());
  }

  public record PoolStats(int active, int idle) {}

  public DatabaseSettings settings() {
    return settings;
  }

  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes the SessionFactory, then the pool. Bounded: HikariCP's shutdown aborts connections still
   * in use after at most about ten seconds. Closing the last connection checkpoints the WAL and
   * removes the {@code -wal} and {@code -shm} files.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      boot.close();
    } catch (RuntimeException e) {
      log.warn("closing the session factory failed; closing the pool anyway", e);
    } finally {
      pool.close();
      log.info("database closed: {}", settings.file());
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("database is closed");
    }
  }

  private static void createParentDirectory(DatabaseSettings settings) {
    try {
      Files.createDirectories(settings.file().toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data directory for " + settings.file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * SQLite would open a read-only file without a word and fail at the first write, or at switching
   * to WAL, with "attempt to write a readonly database", naming nothing. The daemon needs to write
   * the file and to create its {@code -wal} and {@code -shm} files beside it, so it says so at
   * start. The kernel answers for every cause: file modes, a read-only mount, an immutable file
   * (root passes the first only).
   */
  private static void refuseReadOnly(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new IllegalStateException(
          "the database "
              + file
              + " is read-only (its mode, its file system or an immutable flag forbids writing);"
              + " the daemon must write to it: make it writable, or move the data directory to a"
              + " writable disk");
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalStateException(
          "the data directory "
              + dir
              + " is read-only, so the database "
              + file
              + " cannot be written (SQLite keeps its -wal and -shm files beside it); make it"
              + " writable, or move the data directory to a writable disk");
    }
  }

  private static HikariDataSource lazyPool(DatabaseSettings settings) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout((int) settings.busyTimeout().toMillis());
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    sqlite.setDateClass(SQLiteConfig.DateClass.TEXT.getValue());
    sqlite.setCacheSize(-PAGE_CACHE_KIB);
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl("jdbc:sqlite:" + settings.file().toAbsolutePath());

    HikariDataSource config = new HikariDataSource();
    config.setPoolName(NamedThreadFactory.PREFIX + "db");
    config.setThreadFactory(new NamedThreadFactory("db", true));
    config.setDataSource(dataSource);
    // A fixed size: every connection is opened once, at the pool's start, and kept for the
    // daemon's life (HikariCP still replaces one that breaks or reaches its maximum lifetime), so
    // the daemon's descriptors do not breathe with the load and a leak shows as a change.
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(settings.poolSize());
    config.setConnectionTimeout(settings.busyTimeout().toMillis() + 5_000);
    config.setAutoCommit(true);
    config.setExceptionOverride(new ImplicitRollbackEviction());
    config.setRegisterMbeans(false);
    return config;
  }

  private static void migrate(HikariDataSource pool) {
    if (SchemaVersion.isCurrent(pool)) {
      log.debug("schema is at version {}; no migration to run", SchemaVersion.LATEST);
      return;
    }
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  private static SessionFactory buildSessionFactory(HikariDataSource pool) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
            .applySetting(AvailableSettings.DIALECT, SQLiteDialect.class.getName())
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
            .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
            .applySetting(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 100)
            .applySetting(AvailableSettings.GENERATE_STATISTICS, false)
            .applySetting(AvailableSettings.SHOW_SQL, false)
            .applySetting(AvailableSettings.XML_MAPPING_ENABLED, false)
            .applySetting(AvailableSettings.QUERY_STARTUP_CHECKING, false)
            .applySetting(AvailableSettings.STATIC_METAMODEL_POPULATION, "disabled")
            .addService(
                org.hibernate.bytecode.spi.BytecodeProvider.class,
                new org.hibernate.bytecode.internal.none.BytecodeProviderImpl())
            .build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(ProjectEntity.class)
          .addAnnotatedClass(IssueEntity.class)
          .addAnnotatedClass(CommentEntity.class)
          .addAnnotatedClass(EventEntity.class)
          .addAnnotatedClass(Converters.InstantConverter.class)
          .addAnnotatedClass(Converters.StatusConverter.class)
          .addAnnotatedClass(Converters.IssueTypeConverter.class)
          .addAnnotatedClass(Converters.PriorityConverter.class)
          .addAnnotatedClass(Converters.EventKindConverter.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }
}
