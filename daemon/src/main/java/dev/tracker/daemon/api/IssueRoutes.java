package dev.tracker.daemon.api;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.IssueSort;
import dev.tracker.core.api.NewComment;
import dev.tracker.core.api.TreeDirection;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.daemon.http.Exchange;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Issues and what hangs off them: comments, labels, dependencies, history. */
final class IssueRoutes {
  private static final String ISSUES = "/v1/projects/{project}/issues";
  private static final String ISSUE = ISSUES + "/{id}";

  private final IssueStore store;

  IssueRoutes(IssueStore store) {
    this.store = store;
  }

  void register(Router router) {
    router
        .add("GET", ISSUES, this::list)
        .add("POST", ISSUES, this::create)
        .add("POST", ISSUES + "/close", this::closeMany)
        .add("POST", ISSUES + "/reopen", this::reopenMany)
        .add("POST", ISSUES + "/bulk-update", this::bulkUpdate)
        .add("GET", ISSUE, this::get)
        .add("PATCH", ISSUE, this::update)
        .add("DELETE", ISSUE, this::delete)
        .add("POST", ISSUE + "/close", this::close)
        .add("POST", ISSUE + "/reopen", this::reopen)
        .add("GET", ISSUE + "/comments", e -> Reply.ok(store.comments().list(project(e), id(e))))
        .add("POST", ISSUE + "/comments", this::comment)
        .add("DELETE", ISSUE + "/comments/{comment}", this::deleteComment)
        .add("POST", ISSUE + "/labels", e -> labels(e, Op.ADD))
        .add("PUT", ISSUE + "/labels", e -> labels(e, Op.SET))
        .add("DELETE", ISSUE + "/labels/{label}", this::removeLabel)
        .add(
            "GET",
            ISSUE + "/dependencies",
            e -> Reply.ok(store.dependencies().of(project(e), id(e))))
        .add("POST", ISSUE + "/dependencies", this::addDependency)
        .add("DELETE", ISSUE + "/dependencies/{kind}/{target}", this::removeDependency)
        .add("GET", ISSUE + "/tree", this::tree)
        .add("GET", ISSUE + "/events", e -> Reply.ok(store.queries().history(project(e), id(e))));
  }

  private Reply list(Exchange e) {
    e.allowQuery(
        "status",
        "priority-min",
        "priority-max",
        "type",
        "assignee",
        "unassigned",
        "label",
        "any-label",
        "parent",
        "created-since",
        "created-before",
        "updated-since",
        "updated-before",
        "q",
        "sort",
        "limit",
        "cursor");
    IssueQuery query =
        new IssueQuery(
            e.queryAll("status").stream().map(Status::parse).collect(Collectors.toSet()),
            Params.parsed(e.query("priority-min"), v -> named("priority-min", v)),
            Params.parsed(e.query("priority-max"), v -> named("priority-max", v)),
            Params.parsed(e.query("type"), IssueType::parse),
            e.query("assignee"),
            Params.flag("unassigned", e.query("unassigned")),
            Set.copyOf(e.queryAll("label")),
            Set.copyOf(e.queryAll("any-label")),
            e.query("parent"),
            Params.instant("created-since", e.query("created-since")),
            Params.instant("created-before", e.query("created-before")),
            Params.instant("updated-since", e.query("updated-since")),
            Params.instant("updated-before", e.query("updated-before")),
            e.query("q"),
            Params.parsed(e.query("sort"), IssueSort::parse),
            Params.integer("limit", e.query("limit")),
            e.query("cursor"));
    return Reply.ok(Params.searching(() -> store.queries().list(project(e), query)));
  }

  private Reply create(Exchange e) {
    Issue issue = store.issues().create(project(e), e.body(IssueDraft.class), e.actor());
    return new Reply(
        201,
        issue,
        Map.of(
            "Location",
            "/v1/projects/" + issue.project() + "/issues/" + issue.id(),
            "ETag",
            etag(issue)));
  }

  private Reply get(Exchange e) {
    e.allowQuery();
    return versioned(200, store.issues().get(project(e), id(e)));
  }

  private Reply update(Exchange e) {
    Long expected = Params.ifMatch(e.header("If-Match"));
    return versioned(
        200,
        store.issues().update(project(e), id(e), e.body(IssuePatch.class), expected, e.actor()));
  }

  private Reply delete(Exchange e) {
    Long expected = Params.ifMatch(e.header("If-Match"));
    return versioned(200, store.issues().delete(project(e), id(e), expected, e.actor()));
  }

  private Reply close(Exchange e) {
    Bodies.Close body = e.bodyOr(Bodies.Close.class, Bodies.Close.NONE);
    return versioned(
        200, store.issues().close(project(e), List.of(id(e)), body.reason(), e.actor()).get(0));
  }

  private Reply reopen(Exchange e) {
    return versioned(200, store.issues().reopen(project(e), List.of(id(e)), e.actor()).get(0));
  }

  private Reply closeMany(Exchange e) {
    Bodies.Many body = e.body(Bodies.Many.class);
    return Reply.ok(store.issues().close(project(e), body.ids(), body.reason(), e.actor()));
  }

  private Reply reopenMany(Exchange e) {
    Bodies.Many body = e.body(Bodies.Many.class);
    return Reply.ok(store.issues().reopen(project(e), body.ids(), e.actor()));
  }

  private Reply bulkUpdate(Exchange e) {
    Bodies.BulkUpdate body = e.body(Bodies.BulkUpdate.class);
    if (body.patch() == null) {
      throw TrackerException.invalid("patch", "is required");
    }
    return Reply.ok(store.issues().bulkUpdate(project(e), body.ids(), body.patch(), e.actor()));
  }

  private Reply comment(Exchange e) {
    return new Reply(
        201,
        store.comments().add(project(e), id(e), e.body(NewComment.class), e.actor()),
        Map.of());
  }

  private Reply deleteComment(Exchange e) {
    return Reply.ok(store.comments().delete(project(e), id(e), e.path("comment"), e.actor()));
  }

  private enum Op {
    ADD,
    SET
  }

  private Reply labels(Exchange e, Op op) {
    List<String> labels = e.body(Bodies.Labels.class).labels();
    Issue issue =
        op == Op.ADD
            ? store.issues().addLabels(project(e), id(e), labels, e.actor())
            : store.issues().setLabels(project(e), id(e), labels, e.actor());
    return versioned(200, issue);
  }

  private Reply removeLabel(Exchange e) {
    return versioned(
        200, store.issues().removeLabels(project(e), id(e), List.of(e.path("label")), e.actor()));
  }

  private Reply addDependency(Exchange e) {
    Bodies.NewDependency body = e.body(Bodies.NewDependency.class);
    return new Reply(
        201,
        store.dependencies().add(project(e), id(e), body.dependsOn(), body.kind(), e.actor()),
        Map.of());
  }

  private Reply removeDependency(Exchange e) {
    DependencyKind kind = DependencyKind.parse(e.path("kind"));
    return Reply.ok(
        store.dependencies().remove(project(e), id(e), e.path("target"), kind, e.actor()));
  }

  private Reply tree(Exchange e) {
    e.allowQuery("direction", "depth");
    return Reply.ok(
        store
            .dependencies()
            .tree(
                project(e),
                id(e),
                Params.parsed(e.query("direction"), TreeDirection::parse),
                Params.integer("depth", e.query("depth"))));
  }

  private static Reply versioned(int status, Issue issue) {
    return Reply.versioned(status, issue, issue.version());
  }

  private static String etag(Issue issue) {
    return "\"" + issue.version() + "\"";
  }

  private static Priority named(String field, String value) {
    try {
      return Priority.parse(value);
    } catch (TrackerException e) {
      throw TrackerException.invalid(field, e.getMessage().replaceFirst("^priority: ", ""));
    }
  }

  static String project(Exchange e) {
    return e.path("project");
  }

  private static String id(Exchange e) {
    return e.path("id");
  }
}
