package dev.tracker.daemon.lifecycle;

import dev.tracker.core.TrackerVersion;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.api.ApiRoutes;
import dev.tracker.daemon.api.DaemonView;
import dev.tracker.daemon.http.ApiHandler;
import dev.tracker.daemon.http.ConnectionGuard;
import dev.tracker.daemon.http.HttpServer;
import dev.tracker.daemon.http.InheritedSocket;
import dev.tracker.daemon.http.Json;
import dev.tracker.daemon.http.Metrics;
import dev.tracker.daemon.http.TcpAccess;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseBackup;
import dev.tracker.daemon.storage.DatabaseSettings;
import dev.tracker.daemon.sync.ProjectTransfer;
import dev.tracker.daemon.sync.SyncDiagnostics;
import dev.tracker.daemon.sync.SyncService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: starts everything in the design's order (lock, database, services, HTTP)
 * and closes it in reverse. {@link #close()} is idempotent, safe from any thread (a signal hook,
 * {@code /v1/shutdown}, the idle timer), and a second caller waits for the first to finish.
 */
public final class Daemon implements AutoCloseable, DaemonView {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  private final DaemonOptions options;
  private final Resources resources = new Resources();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final long startedAt = System.nanoTime();
  private Database database;
  private IssueStore store;
  private SyncService sync;
  private SyncDiagnostics syncDiagnostics;
  private Metrics metrics;
  private HttpServer http;

  private Daemon(DaemonOptions options) {
    this.options = options;
  }

  /**
   * Starts a daemon, or throws {@link AlreadyRunningException} when another one holds the lock. On
   * any other failure everything opened so far is closed again before the exception leaves.
   */
  public static Daemon start(DaemonOptions options) throws AlreadyRunningException, Exception {
    Daemon daemon = new Daemon(options);
    try {
      daemon.open();
      return daemon;
    } catch (Exception | Error e) {
      daemon.closeNow();
      throw e;
    }
  }

  private void open() throws Exception {
    RuntimePaths paths = options.paths();
    Path runtime = RuntimeDirectory.prepare(paths.runtimeDir());
    DaemonLock lock =
        DaemonLock.tryAcquire(paths.lockFile())
            .orElseThrow(() -> new AlreadyRunningException(PidFile.read(paths.pidFile())));
    resources.add("lock", lock, lock::close);
    if (options.socketActivated()) {
      // The socket file is the service manager's, listening for the next daemon: never removed.
      InheritedSocket.require(paths.socket());
    } else if (Files.deleteIfExists(paths.socket())) {
      // Holding the lock proves no daemon serves this socket: whatever is there is stale.
      log.info("removed a stale socket left by a previous daemon: {}", paths.socket());
    }
    if (paths.socketFallback()) {
      log.warn(
          "the configured socket path is too long for a Unix socket; using {}", paths.socket());
    }
    PidFile.write(paths.pidFile(), ProcessHandle.current().pid());
    resources.add("pid file", paths.pidFile(), () -> Files.deleteIfExists(paths.pidFile()));

    database = Database.open(DatabaseSettings.defaults(paths.database()));
    resources.add("database", database, database::close);
    store = IssueStore.over(database);
    SyncStore syncStore = new SyncStore(database);
    syncDiagnostics = new SyncDiagnostics(syncStore);
    sync =
        new SyncService(
            syncStore,
            options.sync(),
            java.time.Clock.systemUTC(),
            paths.stateDir().resolve("sync-base"));
    resources.add("sync service", sync, sync::close);

    metrics = new Metrics();
    UserPrincipal self = Files.getOwner(runtime);
    TcpAccess tcp = null;
    if (options.http().tcpEnabled()) {
      tcp = TcpAccess.createToken(paths.tokenFile());
      resources.add("token file", paths.tokenFile(), () -> Files.deleteIfExists(paths.tokenFile()));
    }
    ConnectionGuard guard = new ConnectionGuard(options.http().maxConnections());
    ApiHandler handler =
        new ApiHandler(
            ApiRoutes.build(store, sync, new ProjectTransfer(syncStore), this, metrics),
            new Json(),
            metrics,
            self,
            tcp,
            guard,
            options.http().maxBodyBytes(),
            sync::markDirty);
    // Everything above ran while Hibernate was starting; the socket opens only once it has.
    database.awaitReady();
    http = HttpServer.start(options.http(), guard, handler, options.socketActivated());
    resources.add("http server", http, http::close);
    if (tcp != null) {
      PidFile.writeText(paths.tcpFile(), "127.0.0.1:" + http.tcpPort());
      resources.add("tcp file", paths.tcpFile(), () -> Files.deleteIfExists(paths.tcpFile()));
    }
    sync.start();
    if (!options.idleTimeout().isZero()) {
      Duration idle = options.idleTimeout();
      sync.every(
          Duration.ofSeconds(1),
          () -> {
            if (metrics.idleFor().compareTo(idle) >= 0 && http.activeConnections() == 0) {
              log.info("no request for {}; stopping", idle);
              requestStop();
            }
          });
    }
    log.info(
        "tracker daemon {} ready (pid {}{})",
        TrackerVersion.VERSION,
        ProcessHandle.current().pid(),
        options.socketActivated() ? ", socket-activated" : "");
  }

  public RuntimePaths paths() {
    return options.paths();
  }

  /** Blocks until the daemon has closed (by any caller). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    closeNow();
  }

  private void closeNow() {
    closing.set(true);
    long start = System.nanoTime();
    if (http != null) {
      // Said before the socket closes: when it was inherited, the JDK then points stdout and
      // stderr at /dev/null, and later lines reach only the log file, not systemd's journal.
      log.info("tracker daemon stopping");
    }
    try {
      resources.closeAll();
    } finally {
      closed.countDown();
      log.info("tracker daemon stopped in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
  }

  private void awaitQuietly() {
    try {
      if (!closed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("the daemon did not finish closing within {}", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void requestStop() {
    if (stopRequested.compareAndSet(false, true)) {
      // One thread, once per daemon: the request that asked must finish before the server can stop.
      new NamedThreadFactory("stop", false).newThread(this::close).start();
    }
  }

  @Override
  public Health health() {
    return new Health(
        "ok",
        TrackerVersion.VERSION,
        TrackerVersion.API_VERSION,
        ProcessHandle.current().pid(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt),
        database.ping(),
        http == null ? 0 : http.activeConnections(),
        options.socketActivated());
  }

  @Override
  public Map<String, Object> status() {
    RuntimePaths paths = options.paths();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("version", TrackerVersion.VERSION);
    status.put("pid", ProcessHandle.current().pid());
    status.put(
        "paths",
        Map.of(
            "socket", paths.socket().toString(),
            "database", paths.database().toString(),
            "log", paths.logFile().toString(),
            "runtime", paths.runtimeDir().toString()));
    status.put("uptimeSeconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt));
    status.put("process", processStats());
    status.put("requests", metrics.totalRequests());
    status.put("projects", store.projects().list());
    status.put("sync", sync.states());
    return status;
  }

  @Override
  public Map<String, Object> diagnostics() {
    Path file = options.paths().database();
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("file", file.toString());
    db.put("quickCheck", database.quickCheck());
    try {
      db.put("sizeBytes", Files.size(file));
      db.put("freeBytes", Files.getFileStore(file).getUsableSpace());
    } catch (IOException e) {
      db.put("error", e.getMessage());
    }
    Map<String, Object> diagnostics = new LinkedHashMap<>();
    diagnostics.put("database", db);
    diagnostics.put("git", syncDiagnostics.git());
    diagnostics.put("files", syncDiagnostics.files());
    diagnostics.put("sync", sync.states());
    return diagnostics;
  }

  @Override
  public Map<String, Object> backup(String file) {
    return DatabaseBackup.run(database, file);
  }

  /** Resident memory, heap, open descriptors and threads, for status. */
  private Map<String, Object> processStats() {
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("rssBytes", residentBytes());
    process.put(
        "heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    process.put("openFiles", openFileDescriptors());
    process.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
    return process;
  }

  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or /proc is not mounted: the figure is unknown.
    }
    return -1;
  }

  public Map<String, Number> gauges() {
    Database.PoolStats pool = database.poolStats();
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("tracker_db_connections_active", pool.active());
    gauges.put("tracker_db_connections_idle", pool.idle());
    gauges.put("tracker_http_connections_active", http == null ? 0 : http.activeConnections());
    gauges.put("process_open_fds", openFileDescriptors());
    gauges.put("jvm_threads_live", ManagementFactory.getThreadMXBean().getThreadCount());
    gauges.put(
        "jvm_heap_used_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    return gauges;
  }

  private static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }
}
