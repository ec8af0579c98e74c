package dev.tracker.daemon.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and a latency histogram, rendered in the Prometheus text format. Fixed buckets
 * and one adder per route and status keep recording allocation-free after warm-up.
 */
public final class Metrics {
  private static final double[] BUCKETS_SECONDS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
  };

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] buckets = new LongAdder[BUCKETS_SECONDS.length + 1];
  private final LongAdder count = new LongAdder();
  private final LongAdder sumNanos = new LongAdder();
  private volatile long lastRequestNanos = System.nanoTime();

  public Metrics() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  /** Time since the last request finished (or since start), for the idle timeout. */
  public java.time.Duration idleFor() {
    return java.time.Duration.ofNanos(System.nanoTime() - lastRequestNanos);
  }

  void record(String route, int status, long nanos) {
    lastRequestNanos = System.nanoTime();
    requests.computeIfAbsent(route + '\u0000' + status, k -> new LongAdder()).increment();
    double seconds = nanos / 1e9;
    int bucket = 0;
    while (bucket < BUCKETS_SECONDS.length && seconds > BUCKETS_SECONDS[bucket]) {
      bucket++;
    }
    buckets[bucket].increment();
    count.increment();
    sumNanos.add(nanos);
  }

  public long totalRequests() {
    return count.sum();
  }

  /** The request metrics; {@code extra} adds process gauges (name to value) after them. */
  public String render(Map<String, Number> gauges) {
    StringBuilder out = new StringBuilder(4096);
    out.append("# HELP tracker_http_requests_total Requests by route and status.\n");
    out.append("# TYPE tracker_http_requests_total counter\n");
    new TreeMap<>(requests)
        .forEach(
            (key, adder) -> {
              int split = key.indexOf('\u0000');
              out.append("tracker_http_requests_total{route=\"")
                  .append(escape(key.substring(0, split)))
                  .append("\",status=\"")
                  .append(key.substring(split + 1))
                  .append("\"} ")
                  .append(adder.sum())
                  .append('\n');
            });
    out.append("# HELP tracker_http_request_duration_seconds Request latency.\n");
    out.append("# TYPE tracker_http_request_duration_seconds histogram\n");
    long cumulative = 0;
    for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
      cumulative += buckets[i].sum();
      out.append("tracker_http_request_duration_seconds_bucket{le=\"")
          .append(BUCKETS_SECONDS[i])
          .append("\"} ")
          .append(cumulative)
          .append('\n');
    }
    cumulative += buckets[BUCKETS_SECONDS.length].sum();
    out.append("tracker_http_request_duration_seconds_bucket{le=\"+Inf\"} ")
        .append(cumulative)
        .append('\n');
    out.append("tracker_http_request_duration_seconds_sum ")
        .append(sumNanos.sum() / 1e9)
        .append('\n');
    out.append("tracker_http_request_duration_seconds_count ").append(count.sum()).append('\n');
    gauges.forEach(
        (name, value) -> {
          out.append("# TYPE ").append(name).append(" gauge\n");
          out.append(name).append(' ').append(value).append('\n');
        });
    return out.toString();
  }

  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
