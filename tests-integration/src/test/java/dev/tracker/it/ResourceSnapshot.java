package dev.tracker.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this JVM holds that a closed store must give back: live threads named {@code tracker-*} and
 * the targets of open file descriptors (Linux {@code /proc/self/fd}).
 */
record ResourceSnapshot(Set<String> threads, Set<String> openFiles) {

  static ResourceSnapshot take() {
    return new ResourceSnapshot(liveTrackerThreads(), openFileTargets());
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

  private static Set<String> openFileTargets() {
    Set<String> targets = new TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(
          fd -> {
            try {
              targets.add(Files.readSymbolicLink(fd).toString());
            } catch (IOException closedMeanwhile) {
              // The descriptor of the directory listing itself is gone by the time it is read.
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd", e);
    }
    targets.removeIf(target -> target.startsWith("/proc/"));
    return targets;
  }
}
