package dev.tracker.it.reliability;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The generators' source of randomness, split afresh from the seed for every request: request n
 * then gets the same draws in every run with that seed, however many draws earlier requests made (a
 * mutation retried until the body no longer parses makes a number of draws that depends on the ids
 * the daemon chose at random).
 */
final class FuzzRandom implements RandomGenerator {
  private final SplittableRandom seeded;
  private SplittableRandom current;

  FuzzRandom(long seed) {
    this.seeded = new SplittableRandom(seed);
    this.current = seeded.split();
  }

  /** Starts the draws of the next request. */
  void nextRequest() {
    current = seeded.split();
  }

  @Override
  public long nextLong() {
    return current.nextLong();
  }
}
