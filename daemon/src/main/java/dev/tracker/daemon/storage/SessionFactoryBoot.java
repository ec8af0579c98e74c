package dev.tracker.daemon.storage;

import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.hibernate.SessionFactory;

/**
 * Builds the SessionFactory on its own short-lived thread, {@code tracker-db-boot-1}, once per
 * {@link Database}. Hibernate's boot reads no table (metadata access is off) and is the longest
 * step of a start, so the pool, the schema check and the HTTP server are prepared beside it.
 */
final class SessionFactoryBoot {
  private final FutureTask<SessionFactory> task;
  private final Thread thread;

  private SessionFactoryBoot(Callable<SessionFactory> build) {
    task = new FutureTask<>(build);
    thread = new NamedThreadFactory("db-boot", true).newThread(task);
  }

  static SessionFactoryBoot start(Callable<SessionFactory> build) {
    SessionFactoryBoot boot = new SessionFactoryBoot(build);
    boot.thread.start();
    return boot;
  }

  /** The SessionFactory, waiting for the boot if it is still running; rethrows its failure. */
  SessionFactory await() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Hibernate to start", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Hibernate failed to start", e.getCause());
    }
  }

  /**
   * Waits for the boot thread to end, then closes the SessionFactory if one was built. A boot that
   * failed leaves nothing to close: Hibernate destroys its registry when the build throws.
   */
  void close() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      task.get().close();
    } catch (ExecutionException e) {
      // The build failed; it was reported to whoever awaited it.
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
