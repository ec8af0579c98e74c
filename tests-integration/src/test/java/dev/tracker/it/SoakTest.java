package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The failure this project was founded against, run on purpose: many daemons started and stopped in
 * one JVM, and thousands of requests against one daemon. Threads and descriptors must come back
 * exactly; the heap, after a collection, may not grow by more than a few megabytes.
 */
@Tag("soak")
@ExtendWith(LeakExtension.class)
class SoakTest {
  private static final int CYCLES = 100;
  private static final int REQUESTS = 5_000;
  private static final long HEAP_GROWTH_LIMIT = 5L * 1024 * 1024;

  @Test
  void oneHundredStartStopCyclesLeaveNothingBehind() throws Exception {
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-soak-");
    try {
      RuntimePaths paths = DaemonExtension.pathsUnder(home);
      cycle(
          paths, 3); // class loading, JIT and the first database file happen here, not in the count
      // A closed daemon's last threads (the pool's housekeeper) may take a moment to end, as
      // the leak extension allows after every test: the baseline is taken once none is left.
      Set<String> threads = settledThreadNames(Set.of());
      Set<String> files = LeakExtension.openFiles();
      long heap = heapAfterGc();
      cycle(paths, CYCLES);
      assertThat(settledThreadNames(threads))
          .as("threads after %d cycles", CYCLES)
          .isEqualTo(threads);
      assertThat(LeakExtension.openFiles())
          .as("descriptors after %d cycles", CYCLES)
          .isEqualTo(files);
      assertThat(heapAfterGc() - heap)
          .as("heap growth after %d cycles", CYCLES)
          .isLessThan(HEAP_GROWTH_LIMIT);
    } finally {
      deleteTree(home);
    }
  }

  @Test
  void fiveThousandRequestsAgainstOneDaemonLeaveNothingBehind() throws Exception {
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-soak-");
    try (Daemon daemon = Daemon.start(DaemonOptions.defaults(DaemonExtension.pathsUnder(home)));
        Api api = new Api(daemon.paths().socket())) {
      api.post("/v1/projects", Map.of("key", "soak", "name", "Soak"));
      requests(api, 500); // warm-up
      int threadsBefore = Thread.activeCount();
      long heap = heapAfterGc();
      long fds = LeakExtension.openFiles().size();
      requests(api, REQUESTS);
      assertThat(Thread.activeCount()).as("live threads").isLessThanOrEqualTo(threadsBefore + 2);
      assertThat(LeakExtension.openFiles()).as("descriptors").hasSize((int) fds);
      // Issues are added by the workload, so the heap may hold their cache entries: allow the
      // bound.
      assertThat(heapAfterGc() - heap)
          .as("heap growth over %d requests", REQUESTS)
          .isLessThan(HEAP_GROWTH_LIMIT);
    } finally {
      deleteTree(home);
    }
  }

  private static void cycle(RuntimePaths paths, int times) throws Exception {
    for (int i = 0; i < times; i++) {
      try (Daemon daemon = Daemon.start(DaemonOptions.defaults(paths));
          Api api = new Api(paths.socket())) {
        assertThat(api.get("/v1/health").status()).isEqualTo(200);
      }
    }
  }

  /** A mix of reads and writes, as a day of CLI use would send them. */
  private static void requests(Api api, int count) {
    String last = null;
    for (int i = 0; i < count; i++) {
      switch (i % 5) {
        case 0 -> {
          Api.Reply created =
              api.post(
                  "/v1/projects/soak/issues",
                  Map.of("title", "soak " + i, "labels", java.util.List.of("l" + (i % 7))));
          assertThat(created.status()).isEqualTo(201);
          last = created.json().get("id").asString();
        }
        case 1 -> assertThat(api.get("/v1/projects/soak/issues/" + last).status()).isEqualTo(200);
        case 2 ->
            assertThat(
                    api.patch(
                            "/v1/projects/soak/issues/" + last, Map.of("priority", i % 5), Map.of())
                        .status())
                .isEqualTo(200);
        case 3 ->
            assertThat(api.get("/v1/projects/soak/issues?limit=20&status=open").status())
                .isEqualTo(200);
        default -> assertThat(api.get("/v1/projects/soak/ready?limit=10").status()).isEqualTo(200);
      }
    }
  }

  /**
   * The live threads once no daemon thread ({@code tracker-*}) other than {@code expected} ones is
   * left, waiting up to 5 s; whatever is alive then, if it is not.
   */
  private static Set<String> settledThreadNames(Set<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
    Set<String> names = threadNames();
    while (System.nanoTime() < deadline
        && names.stream().anyMatch(n -> n.startsWith("tracker-") && !expected.contains(n))) {
      Thread.sleep(20);
      names = threadNames();
    }
    return names;
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(
            name -> !name.contains("CompilerThread") && !name.startsWith("ForkJoinPool.commonPool"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    // Several collections: one may leave garbage that a finalization or a reference queue frees
    // next.
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
