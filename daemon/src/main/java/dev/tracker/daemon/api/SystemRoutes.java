package dev.tracker.daemon.api;

import dev.tracker.core.api.BackupRequest;
import dev.tracker.daemon.http.ApiHandler;
import dev.tracker.daemon.http.Metrics;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import java.util.Map;

/** Health, status, metrics and shutdown. */
final class SystemRoutes {
  private final DaemonView daemon;
  private final Metrics metrics;

  SystemRoutes(DaemonView daemon, Metrics metrics) {
    this.daemon = daemon;
    this.metrics = metrics;
  }

  void register(Router router) {
    router
        .add("GET", "/v1/health", e -> Reply.ok(daemon.health()))
        .add("GET", "/v1/diagnostics", e -> Reply.ok(daemon.diagnostics()))
        .add("GET", "/v1/status", e -> Reply.ok(daemon.status()))
        .add("POST", "/v1/backup", e -> Reply.ok(daemon.backup(e.body(BackupRequest.class).file())))
        .add(
            "GET",
            "/v1/metrics",
            e ->
                Reply.ok(
                    new ApiHandler.PlainText(
                        metrics.render(daemon.gauges()),
                        "text/plain; version=0.0.4; charset=utf-8")))
        .add(
            "POST",
            "/v1/shutdown",
            e -> {
              daemon.requestStop();
              return Reply.accepted(Map.of("status", "stopping"));
            });
  }
}
