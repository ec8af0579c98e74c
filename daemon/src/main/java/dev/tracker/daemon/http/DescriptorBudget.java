package dev.tracker.daemon.http;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * How many file descriptors the daemon may still open. The limit ({@code ulimit -n}) and the open
 * count come from the JVM; the count is measured at most every 100 ms (listing {@code
 * /proc/self/fd} costs a descriptor and a pass over the table), and the connections opened or
 * closed since are added to it, so that a burst of connections is seen at once without a
 * measurement per request.
 *
 * <p>A reserve stays free for what the daemon opens by itself: the sync loop's temporary file and
 * directory, git's pipes, a log roll, a pool connection being replaced, SQLite's temporary files.
 * It is 16 descriptors, or half of what the limit leaves beyond the daemon's resting set when that
 * is less (at least 2), so that a low limit still serves a few connections instead of none: under
 * {@code ulimit -n 64} the resting daemon holds about 55 (32 of them the jars of its class path,
 * which the JVM keeps open).
 */
final class DescriptorBudget {
  static final int MAX_RESERVE = 16;
  static final int MIN_RESERVE = 2;
  private static final long REMEASURE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final UnixOperatingSystemMXBean os;
  private final IntSupplier connections;
  private Measurement last;

  /** {@code connections}: the connections open now, which the estimate follows between readings. */
  DescriptorBudget(IntSupplier connections) {
    this.os =
        ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
            ? unix
            : null;
    this.connections = connections;
  }

  /** The budget now; where the JVM cannot tell (not Unix), one that never runs short. */
  Snapshot now() {
    Measurement m = measurement();
    long open = m.open() + connections.getAsInt() - m.connections();
    long resting = m.open() - m.connections();
    int reserve = (int) Math.max(MIN_RESERVE, Math.min(MAX_RESERVE, (m.limit() - resting) / 2));
    return new Snapshot(m.limit(), open, reserve, m.limit() - resting - reserve);
  }

  private synchronized Measurement measurement() {
    long now = System.nanoTime();
    if (last == null || now - last.at() >= REMEASURE_NANOS) {
      last = measure(now);
    }
    return last;
  }

  private Measurement measure(long at) {
    int open = connections.getAsInt();
    if (os == null) {
      return new Measurement(at, Long.MAX_VALUE / 2, 0, open);
    }
    long limit = os.getMaxFileDescriptorCount();
    long count;
    try {
      count = os.getOpenFileDescriptorCount();
    } catch (InternalError | RuntimeException e) {
      // JDK 17 throws "errno: 24 error: Unable to open directory /proc/self/fd" when listing the
      // descriptors needs one more than there is: that is the answer.
      count = -1;
    }
    return new Measurement(at, limit, count < 0 ? limit : count, open);
  }

  private record Measurement(long at, long limit, long open, int connections) {}

  /**
   * @param connectionsAllowed how many connections the limit allows in all, the reserve kept
   */
  record Snapshot(long limit, long open, int reserve, long connectionsAllowed) {
    /** True when one more descriptor would eat into the reserve. */
    boolean runningShort() {
      return limit - open < reserve;
    }

    /** One line for a 503 or the log. */
    String describe() {
      return "the daemon has "
          + open
          + " of its "
          + limit
          + " file descriptors open and keeps "
          + reserve
          + " free for its database, sync and log";
    }
  }
}
