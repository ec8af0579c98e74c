package dev.tracker.daemon.api;

import dev.tracker.daemon.http.Metrics;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.sync.ProjectTransfer;
import dev.tracker.daemon.sync.SyncService;

/** Every route of the v1 API, documented in docs/api.md. */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static Router build(
      IssueStore store,
      SyncService sync,
      ProjectTransfer transfer,
      DaemonView daemon,
      Metrics metrics) {
    Router router = new Router(PathParameters::check);
    router.add(
        "POST",
        "/v1/projects/{project}/sync",
        e -> Reply.ok(sync.syncNow(store.projects().get(e.path("project")).key())));
    new TransferRoutes(store, transfer).register(router);
    new SystemRoutes(daemon, metrics).register(router);
    new ProjectRoutes(store).register(router);
    new IssueRoutes(store).register(router);
    new QueryRoutes(store).register(router);
    return router;
  }
}
