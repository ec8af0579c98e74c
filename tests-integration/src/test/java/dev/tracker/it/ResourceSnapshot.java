package dev.tracker.it;

import dev.tracker.it.harness.LeakExtension;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What this JVM holds that a closed store must give back: live threads named {@code tracker-*} and
 * the targets of open file descriptors (Linux {@code /proc/self/fd}).
 */
record ResourceSnapshot(Set<String> threads, Set<String> openFiles) {

  static ResourceSnapshot take() {
    return new ResourceSnapshot(liveTrackerThreads(), LeakExtension.openFiles());
  }

  /** Polls for up to five seconds: pools release threads and descriptors just after close. */
  static ResourceSnapshot awaitBackTo(ResourceSnapshot baseline) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    ResourceSnapshot now = take();
    while (!now.equals(baseline) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return now;
      }
      now = take();
    }
    return now;
  }

  private static Set<String> liveTrackerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("tracker-"))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
