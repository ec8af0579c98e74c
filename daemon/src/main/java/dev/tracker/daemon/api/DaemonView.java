package dev.tracker.daemon.api;

import java.util.Map;

/** What the system routes may see of the running daemon, and the one thing they may ask of it. */
public interface DaemonView {
  Health health();

  Map<String, Object> status();

  /** What {@code tracker doctor} checks on the daemon's side: database, git, each sync file. */
  Map<String, Object> diagnostics();

  /** Writes a consistent copy of the database to {@code file} (an absolute path, not existing). */
  Map<String, Object> backup(String file);

  /** Process and pool gauges for /v1/metrics, by Prometheus metric name. */
  Map<String, Number> gauges();

  /** Starts a graceful stop without waiting for it: the caller is one of the requests it drains. */
  void requestStop();

  record Health(
      String status,
      String version,
      int apiVersion,
      long pid,
      long uptimeSeconds,
      double dbResponseMs,
      int activeConnections,
      boolean socketActivated) {}
}
