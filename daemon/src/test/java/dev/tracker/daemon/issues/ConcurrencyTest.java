package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Issue;
import dev.tracker.daemon.storage.IssueEntity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads writing at once through the one pool. IMMEDIATE transactions take SQLite's write
 * lock at BEGIN, so a read-then-write can never be overtaken between its read and its write.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 25;

  @TempDir Path dir;

  @Test
  void readThenWriteFromEightThreadsLosesNoUpdateAndNeverSeesBusy() throws Exception {
    try (StoreFixture f = new StoreFixture(dir)) {
      Issue issue = f.create("Counter");
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      runConcurrently(
          thread -> {
            for (int round = 0; round < ROUNDS; round++) {
              String token = "t" + thread + "r" + round;
              try {
                // Read the description, then write it back with one more token, in one transaction.
                f.database.write(
                    session -> {
                      IssueEntity entity = session.find(IssueEntity.class, issue.id());
                      String before =
                          entity.getDescription() == null ? "" : entity.getDescription();
                      entity.setDescription(before + token + " ");
                      return null;
                    });
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
          });
      assertThat(failures).isEmpty();
      String description = f.store.issues().get("trk", issue.id()).description();
      Set<String> tokens = new HashSet<>(Arrays.asList(description.trim().split(" ")));
      assertThat(tokens).hasSize(THREADS * ROUNDS);
      assertThat(f.store.issues().get("trk", issue.id()).version()).isEqualTo(THREADS * ROUNDS);
    }
  }

  @Test
  void optimisticUpdatesFromEightThreadsEitherWinOrConflict() throws Exception {
    try (StoreFixture f = new StoreFixture(dir)) {
      Issue issue = f.create("Contended");
      AtomicInteger wins = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      runConcurrently(
          thread -> {
            for (int round = 0; round < ROUNDS; round++) {
              Issue seen = f.store.issues().get("trk", issue.id());
              try {
                f.store
                    .issues()
                    .update(
                        "trk",
                        issue.id(),
                        IssuePatch.EMPTY.withTitle("by " + thread + "/" + round),
                        seen.version(),
                        "t" + thread);
                wins.incrementAndGet();
              } catch (TrackerException e) {
                if (e.code() == ErrorCode.VERSION_CONFLICT) {
                  conflicts.incrementAndGet();
                } else {
                  failures.add(e);
                }
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
          });
      assertThat(failures).isEmpty();
      assertThat(wins.get() + conflicts.get()).isEqualTo(THREADS * ROUNDS);
      // Each successful write moved the version by exactly one: no write was lost or doubled.
      assertThat(f.store.issues().get("trk", issue.id()).version()).isEqualTo(wins.get());
    }
  }

  @Test
  void concurrentCreatesGetDistinctIds() throws Exception {
    try (StoreFixture f = new StoreFixture(dir)) {
      Set<String> ids = Collections.synchronizedSet(new HashSet<>());
      runConcurrently(
          thread -> {
            for (int round = 0; round < ROUNDS; round++) {
              ids.add(
                  f.store
                      .issues()
                      .create("trk", IssueDraft.titled("c" + thread + "/" + round), "x")
                      .id());
            }
          });
      assertThat(ids).hasSize(THREADS * ROUNDS);
    }
  }

  interface Worker {
    void run(int thread) throws Exception;
  }

  private static void runConcurrently(Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  worker.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
