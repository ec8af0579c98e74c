package dev.tracker.daemon.api;

import static dev.tracker.daemon.api.IssueRoutes.project;

import dev.tracker.daemon.http.Exchange;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;

/** Read-only views over a project: ready and blocked work, search, stats, labels, cycles. */
final class QueryRoutes {
  private static final String PROJECT = "/v1/projects/{project}";

  private final IssueStore store;

  QueryRoutes(IssueStore store) {
    this.store = store;
  }

  void register(Router router) {
    router
        .add("GET", PROJECT + "/ready", this::ready)
        .add("GET", PROJECT + "/blocked", this::blocked)
        .add("GET", PROJECT + "/search", this::search)
        .add("GET", PROJECT + "/stats", this::stats)
        .add(
            "GET",
            PROJECT + "/labels",
            e -> Reply.ok(store.queries().labels(project(e.allowQuery()))))
        .add(
            "GET",
            PROJECT + "/cycles",
            e -> Reply.ok(store.dependencies().cycles(project(e.allowQuery()))));
  }

  private Reply ready(Exchange e) {
    e.allowQuery("limit");
    return Reply.ok(store.queries().ready(project(e), Params.integer("limit", e.query("limit"))));
  }

  private Reply blocked(Exchange e) {
    e.allowQuery("limit");
    return Reply.ok(store.queries().blocked(project(e), Params.integer("limit", e.query("limit"))));
  }

  private Reply search(Exchange e) {
    e.allowQuery("q", "limit");
    Integer limit = Params.integer("limit", e.query("limit"));
    return Reply.ok(
        Params.searching(() -> store.queries().search(project(e), e.query("q"), limit)));
  }

  private Reply stats(Exchange e) {
    e.allowQuery("days");
    return Reply.ok(store.queries().stats(project(e), Params.integer("days", e.query("days"))));
  }
}
