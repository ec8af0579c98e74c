package dev.tracker.daemon;

/**
 * Ignores SIGINT. A daemon started on demand shares the terminal's process group until it has its
 * own session; ignoring the terminal's interrupt keeps a Ctrl-C meant for the CLI from killing it.
 */
final class DetachedSignals {
  private DetachedSignals() {}

  @SuppressWarnings("removal")
  static void ignoreInterrupt() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | UnsupportedOperationException unsupported) {
      // A platform without SIGINT has nothing to ignore.
    }
  }
}
