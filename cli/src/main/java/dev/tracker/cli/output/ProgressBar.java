package dev.tracker.cli.output;

import java.io.PrintStream;

/**
 * {@code label [#########.........] 120/1000} on one stderr line, redrawn in place at most once per
 * percent. Drawn only on a terminal: in a log file or a pipe it would be noise.
 */
public final class ProgressBar implements AutoCloseable {
  private final PrintStream err;
  private final String label;
  private final int total;
  private final boolean enabled;
  private final int barWidth;
  private int lastPercent = -1;
  private boolean drawn;

  ProgressBar(PrintStream err, String label, int total, boolean enabled, int width) {
    this.err = err;
    this.label = label;
    this.total = Math.max(total, 1);
    this.enabled = enabled;
    this.barWidth = Math.max(10, Math.min(40, width - label.length() - 20));
  }

  public boolean enabled() {
    return enabled;
  }

  public void update(int done) {
    if (!enabled) {
      return;
    }
    int percent = (int) (100L * Math.min(done, total) / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = barWidth * percent / 100;
    err.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + ".".repeat(barWidth - filled)
            + "] "
            + done
            + "/"
            + total);
    err.flush();
    drawn = true;
  }

  /** Clears the bar's line, so that what follows starts on a clean line. */
  @Override
  public void close() {
    if (drawn) {
      err.print("\r\u001b[2K");
      err.flush();
      drawn = false;
    }
  }
}
