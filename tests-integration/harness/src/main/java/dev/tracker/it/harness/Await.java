package dev.tracker.it.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, instead of sleeping for a guessed time. */
public final class Await {
  private Await() {}

  /** Polls {@code condition} every 20 ms; fails naming {@code what} if it is not true in time. */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
