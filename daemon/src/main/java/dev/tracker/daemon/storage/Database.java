package dev.tracker.daemon.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

  private final DatabaseSettings settings;
  private final HikariDataSource pool;
  private final SessionFactory sessions;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(DatabaseSettings settings, HikariDataSource pool, SessionFactory sessions) {
    this.settings = settings;
    this.pool = pool;
    this.sessions = sessions;
  }

  /** Opens (creating if needed) and migrates the database; on failure nothing stays open. */
  public static Database open(DatabaseSettings settings) {
    createParentDirectory(settings);
    HikariDataSource pool = new HikariDataSource(poolConfig(settings));
    try {
      migrate(pool);
      SessionFactory sessions = buildSessionFactory(pool);
      log.info("database open: {}", settings.file());
      return new Database(settings, pool, sessions);
    } catch (RuntimeException | Error e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Runs {@code work} in one IMMEDIATE transaction: committed if it returns, rolled back if not.
   */
  public <T> T write(Function<Session, T> work) {
    ensureOpen();
    try {
      return sessions.fromTransaction(work);
    } catch (RuntimeException e) {
      throw SqliteErrors.translate(e);
    }
  }

  /**
   * Runs {@code work} without a transaction. SQLite's IMMEDIATE mode takes the write lock at BEGIN,
   * so reads stay out of transactions to keep them from queueing behind writers.
   */
  public <T> T read(Function<Session, T> work) {
    ensureOpen();
    try {
      return sessions.fromSession(
          session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session);
          });
    } catch (RuntimeException e) {
      throw SqliteErrors.translate(e);
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
      sessions.close();
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

  private static HikariConfig poolConfig(DatabaseSettings settings) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout((int) settings.busyTimeout().toMillis());
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    sqlite.setDateClass(SQLiteConfig.DateClass.TEXT.getValue());
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl("jdbc:sqlite:" + settings.file().toAbsolutePath());

    HikariConfig config = new HikariConfig();
    config.setPoolName(NamedThreadFactory.PREFIX + "db");
    config.setThreadFactory(new NamedThreadFactory("db", true));
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(settings.busyTimeout().toMillis() + 5_000);
    config.setAutoCommit(true);
    config.setRegisterMbeans(false);
    return config;
  }

  private static void migrate(HikariDataSource pool) {
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
