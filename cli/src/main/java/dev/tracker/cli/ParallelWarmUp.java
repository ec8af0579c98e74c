package dev.tracker.cli;

import dev.tracker.cli.client.SocketHttpClient;

/**
 * One-time costs of the JVM that a command will pay, paid on the second core while the main thread
 * builds picocli's model: the Unix-domain socket stack (whose class initialisation seeds a {@code
 * SecureRandom}, about 20 ms on JDK 17) and the selector. What is warmed here is cached by the JDK
 * for the process, so the main thread finds it done; nothing warmed here is used directly.
 */
final class ParallelWarmUp implements AutoCloseable {
  private final Thread thread;

  private ParallelWarmUp(Thread thread) {
    this.thread = thread;
  }

  static ParallelWarmUp start() {
    // Not a lambda: bootstrapping one would cost the main thread before it starts its own work.
    Thread thread =
        new Thread(
            new Runnable() {
              @Override
              public void run() {
                SocketHttpClient.initialiseSocketClasses();
              }
            },
            "tracker-warm-up");
    thread.setDaemon(true);
    thread.start();
    return new ParallelWarmUp(thread);
  }

  /** Waits for the warm-up, so that no thread outlives the command. */
  @Override
  public void close() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
