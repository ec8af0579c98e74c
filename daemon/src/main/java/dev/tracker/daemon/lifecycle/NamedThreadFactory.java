package dev.tracker.daemon.lifecycle;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names every thread the daemon starts {@code tracker-<role>-<n>}, so that a thread left behind
 * names its owner in a leak report.
 */
public final class NamedThreadFactory implements ThreadFactory {
  public static final String PREFIX = "tracker-";

  private final String prefix;
  private final boolean daemon;
  private final AtomicInteger counter = new AtomicInteger();

  public NamedThreadFactory(String role, boolean daemon) {
    this.prefix = PREFIX + role + "-";
    this.daemon = daemon;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + counter.incrementAndGet());
    thread.setDaemon(daemon);
    return thread;
  }
}
