package dev.tracker.bench.daemon;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency of one client thread, in nanoseconds, kept whole (no bucketing): a phase of a few
 * hundred thousand requests is a few MB. Percentiles come from the sorted union of all threads.
 */
final class Latencies {
  private long[] values = new long[1 << 16];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** Requests per second, and percentiles in milliseconds, of the union of {@code parts}. */
  static Summary summarize(List<Latencies> parts, long elapsedNanos, long errors) {
    int total = parts.stream().mapToInt(Latencies::size).sum();
    long[] all = new long[total];
    int at = 0;
    for (Latencies part : parts) {
      System.arraycopy(part.values, 0, all, at, part.size);
      at += part.size;
    }
    Arrays.sort(all);
    return new Summary(
        total,
        errors,
        total / (elapsedNanos / 1e9),
        percentile(all, 50),
        percentile(all, 90),
        percentile(all, 99),
        percentile(all, 99.9),
        total == 0 ? Double.NaN : all[total - 1] / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  record Summary(
      long requests,
      long errors,
      double perSecond,
      double p50,
      double p90,
      double p99,
      double p999,
      double max) {}
}
