package dev.tracker.it.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Concurrent clients of a test: one task per client, each on a thread of its own named {@code
 * it-<name>-<n>}, joined within a deadline. A client that fails fails the test with its exception;
 * one that does not finish in time is interrupted and named. No thread outlives {@link #await}.
 */
final class ClientThreads<T> {
  private final List<FutureTask<T>> tasks = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private ClientThreads() {}

  static <T> ClientThreads<T> start(String name, int count, IntFunction<Callable<T>> client) {
    ClientThreads<T> clients = new ClientThreads<>();
    for (int i = 0; i < count; i++) {
      FutureTask<T> task = new FutureTask<>(client.apply(i));
      Thread thread = new Thread(task, "it-" + name + "-" + i);
      clients.tasks.add(task);
      clients.threads.add(thread);
      thread.start();
    }
    return clients;
  }

  /** Every client's result, in client order. */
  List<T> await(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    List<T> results = new ArrayList<>();
    try {
      for (int i = 0; i < tasks.size(); i++) {
        long left = Math.max(0, deadline - System.nanoTime());
        try {
          results.add(tasks.get(i).get(left, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          throw new AssertionError(
              threads.get(i).getName() + " did not finish within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
          throw new AssertionError(threads.get(i).getName() + " failed: " + e.getCause(), e);
        }
      }
      return results;
    } finally {
      for (Thread thread : threads) {
        thread.interrupt();
      }
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      }
    }
  }
}
