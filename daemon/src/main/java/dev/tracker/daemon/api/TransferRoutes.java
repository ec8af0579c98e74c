package dev.tracker.daemon.api;

import dev.tracker.core.api.ImportRequest;
import dev.tracker.daemon.http.ApiHandler;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.sync.ProjectTransfer;

/** Export and import of a whole project in the sync file's format. */
final class TransferRoutes {
  static final String NDJSON = "application/x-ndjson; charset=utf-8";

  private final IssueStore store;
  private final ProjectTransfer transfer;

  TransferRoutes(IssueStore store, ProjectTransfer transfer) {
    this.store = store;
    this.transfer = transfer;
  }

  void register(Router router) {
    router
        .add(
            "GET",
            "/v1/projects/{project}/export",
            e -> {
              e.allowQuery();
              String key = store.projects().get(e.path("project")).key();
              return Reply.ok(new ApiHandler.Bytes(transfer.export(key), NDJSON));
            })
        .add(
            "POST",
            "/v1/projects/{project}/import",
            e -> {
              e.allowQuery();
              String key = store.projects().get(e.path("project")).key();
              ImportRequest request = e.body(ImportRequest.class);
              return Reply.ok(transfer.importFile(key, request.file(), request.isDryRun()));
            });
  }
}
