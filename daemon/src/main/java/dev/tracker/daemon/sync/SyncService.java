package dev.tracker.daemon.sync;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.daemon.issues.SyncStore;
import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the daemon's one scheduled thread, {@code tracker-sync}: never one per project or per tick.
 * It exports after a short debounce following a write, looks at every project on the interval, and
 * runs housekeeping tasks of the daemon. Every failure is caught and recorded in the project's
 * state, so one bad project or one bad tick never stops the loop. {@link #close()} stops the
 * thread, waits for it, then flushes the last changes to disk.
 */
public final class SyncService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncService.class);
  private static final Duration AWAIT = Duration.ofSeconds(2);

  private final SyncStore store;
  private final SyncSettings settings;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor thread;
  private final Map<String, ProjectSync> projects = new ConcurrentHashMap<>();
  private final AtomicBoolean exportPending = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private final AtomicBoolean started = new AtomicBoolean();
  private final HeapRelease heapRelease = HeapRelease.ofThisJvm();

  private final Path baseDirectory;

  /**
   * {@code baseDirectory} holds each project's merge base while the daemon runs (see {@link
   * SyncBase}); it is emptied now and at {@link #close()}.
   */
  public SyncService(SyncStore store, SyncSettings settings, Clock clock, Path baseDirectory) {
    this.store = store;
    this.baseDirectory = baseDirectory;
    SyncBase.clear(baseDirectory);
    this.settings = settings;
    this.clock = clock;
    this.thread = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("sync", true));
    thread.setRemoveOnCancelPolicy(true);
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Starts the loop: a first cycle now, then one every interval. The daemon calls this once its
   * socket accepts, so that the first cycle (which reads and compares every project's file) does
   * not compete with the start for the machine's cores. Calling it again does nothing.
   */
  public void start() {
    if (settings.enabled() && started.compareAndSet(false, true)) {
      long interval = settings.interval().toMillis();
      thread.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Runs {@code task} on the sync thread every {@code period}; its failures are logged. */
  public void every(Duration period, Runnable task) {
    thread.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("housekeeping task failed", e);
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** A write changed {@code project}: export soon, once, however many writes arrive meanwhile. */
  public void markDirty(String project) {
    if (!settings.enabled() || closed.get()) {
      return;
    }
    ProjectSync sync = projects.get(project);
    if (sync != null) {
      sync.markDirty();
    }
    if (exportPending.compareAndSet(false, true)) {
      try {
        thread.schedule(
            () -> {
              exportPending.set(false);
              tick();
            },
            settings.debounce().toMillis(),
            TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        exportPending.set(false);
      }
    }
  }

  /** Runs one cycle for {@code project} now, on the sync thread, and reports what it did. */
  public SyncReport syncNow(String project) throws InterruptedException {
    try {
      return thread
          .submit(
              () -> {
                SyncReport report = cycle(project, true);
                ProjectSync sync = projects.get(project);
                heapRelease.afterTick(sync == null ? 0 : sync.handledBytes());
                return report;
              })
          .get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("sync of " + project + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("sync of " + project + " did not finish within 60 s", e);
    }
  }

  /** Every known project's state, for status. */
  public List<SyncState> states() {
    List<SyncState> states = new ArrayList<>();
    projects.values().forEach(p -> states.add(p.state()));
    states.sort(java.util.Comparator.comparing(SyncState::project));
    return states;
  }

  /** One look at every project: one query for all counters, one stat per file when idle. */
  private void tick() {
    long largestHandled = 0;
    try {
      for (SyncStore.Target target : store.targets()) {
        ProjectSync sync = sync(target);
        SyncReport report = sync.cycle(target.changeCount(), false);
        largestHandled = Math.max(largestHandled, sync.handledBytes());
        if (report.exported() || report.imported() > 0) {
          log.info(
              "sync {}: exported {}, imported {} issue(s){}",
              target.key(),
              report.exported(),
              report.imported(),
              report.committed() ? ", committed" : "");
        } else if (report.error() != null) {
          log.warn("sync {} failed: {}", target.key(), report.error());
        }
      }
    } catch (RuntimeException e) {
      log.warn("sync tick failed; the next tick retries", e);
    }
    if (!closed.get()) {
      // The final flush at close is followed by the JVM's exit, which gives everything back.
      heapRelease.afterTick(largestHandled);
    }
  }

  private SyncReport cycle(String project, boolean force) {
    for (SyncStore.Target target : store.targets()) {
      if (target.key().equals(project)) {
        return sync(target).cycle(target.changeCount(), force);
      }
    }
    throw new TrackerException(
        ErrorCode.INVALID_REQUEST,
        "project " + project + " has no repository to sync; it was registered without a root");
  }

  private ProjectSync sync(SyncStore.Target target) {
    return projects.computeIfAbsent(
        target.key(),
        key ->
            new ProjectSync(
                store,
                clock,
                settings.gitCommit(),
                key,
                target.name(),
                Path.of(target.root()),
                baseDirectory));
  }

  /** Stops the thread and waits for it, then writes what is still unexported. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(AWAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
        if (!thread.awaitTermination(AWAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          log.error("the sync thread did not stop within {}", AWAIT.multipliedBy(2));
        }
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (settings.enabled()) {
      // The thread has terminated, so this final flush cannot race a tick.
      tick();
    }
    SyncBase.clear(baseDirectory);
  }
}
