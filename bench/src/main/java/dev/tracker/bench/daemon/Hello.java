package dev.tracker.bench.daemon;

/**
 * The startup baseline: a JVM that prints one line and exits. Launched with the daemon's class
 * path, so the difference to the daemon's ready time is the daemon's own work, not the JVM's.
 */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
