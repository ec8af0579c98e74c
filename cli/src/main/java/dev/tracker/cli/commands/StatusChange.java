package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import java.util.List;

/** Closing and reopening: one id by its own route, several all or nothing in one request. */
final class StatusChange {
  private StatusChange() {}

  static List<JsonObject> apply(
      Api api, String project, String action, List<String> ids, String reason) {
    if (ids.size() == 1) {
      JsonObject body = reason == null ? null : new JsonObject().with("reason", reason);
      return List.of(api.post(UrlPaths.issue(project, ids.get(0), action), body).object());
    }
    JsonObject body = new JsonObject().with("ids", ids).with("reason", reason);
    return JsonObject.objectsOf(
        api.post(UrlPaths.project(project, "issues", action), body).list(), "issues");
  }
}
