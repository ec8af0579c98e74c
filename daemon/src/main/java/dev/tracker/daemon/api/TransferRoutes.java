package dev.tracker.daemon.api;

import dev.tracker.core.api.ImportRequest;
import dev.tracker.core.error.TrackerException;
import dev.tracker.daemon.http.ApiHandler;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.sync.ProjectTransfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Export and import of a whole project in the sync file's format. */
final class TransferRoutes {
  static final String NDJSON = "application/x-ndjson; charset=utf-8";

  private final IssueStore store;
  private final ProjectTransfer transfer;

  /**
   * The largest file an import reads: it is read whole, then parsed, in a daemon whose heap is 256
   * MB. A project of 10,000 issues is 7 MB.
   */
  static final long MAX_IMPORT_BYTES = 32L * 1024 * 1024;

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
              checkImportFile(request.file());
              return Reply.ok(transfer.importFile(key, request.file(), request.isDryRun()));
            });
  }

  /**
   * The daemon reads the import file itself, whole: only a regular file of bounded size is read. A
   * device such as {@code /dev/zero} would fill the heap, and a FIFO would hold the request thread
   * until some writer came. A missing or relative path is left to the import to report.
   */
  private static void checkImportFile(String file) {
    if (file == null || file.isBlank()) {
      return;
    }
    Path path = Params.path("file", file);
    if (!path.isAbsolute() || !Files.exists(path)) {
      return;
    }
    if (!Files.isRegularFile(path)) {
      throw TrackerException.invalid("file", "is not a regular file: " + file);
    }
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw TrackerException.invalid("file", "cannot read " + file + ": " + e.getMessage());
    }
    if (size > MAX_IMPORT_BYTES) {
      throw TrackerException.invalid(
          "file", "is " + size + " bytes; an import reads at most " + MAX_IMPORT_BYTES);
    }
  }
}
