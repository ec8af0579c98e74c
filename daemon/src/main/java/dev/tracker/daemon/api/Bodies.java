package dev.tracker.daemon.api;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.model.DependencyKind;
import java.util.List;

/** Request bodies that exist only on the wire. */
final class Bodies {
  private Bodies() {}

  /** {@code POST .../close}: an optional reason. */
  record Close(String reason) {
    static final Close NONE = new Close(null);
  }

  /** {@code POST .../issues/close} and {@code .../issues/reopen}: many ids at once. */
  record Many(List<String> ids, String reason) {}

  /** {@code POST .../issues/bulk-update}: one patch for many ids. */
  record BulkUpdate(List<String> ids, IssuePatch patch) {}

  /** Labels to add, remove or set. */
  record Labels(List<String> labels) {}

  /** {@code POST .../dependencies}: "this issue depends on {@code dependsOn}". */
  record NewDependency(String dependsOn, DependencyKind kind) {}
}
