package dev.tracker.daemon.issues;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.EventKind;
import dev.tracker.daemon.storage.IssueEntity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The rules of the dependency graph, used by every write that adds or removes an edge: {@code
 * blocks} edges stay acyclic (a refused cycle names its path), parent-child edges live on the issue
 * itself, and each change is recorded in the history of the issue that depends.
 */
final class DependencyRules {
  /** Adds "issue depends on target"; returns false when the edge was already there. */
  boolean add(
      Session session,
      History history,
      IssueEditor editor,
      IssueEntity issue,
      IssueEntity target,
      DependencyKind kind) {
    if (issue.getId().equals(target.getId())) {
      throw TrackerException.invalid("dependsOn", "an issue cannot depend on itself");
    }
    if (kind == DependencyKind.PARENT_CHILD) {
      return editor.touch(issue, editor.setParent(issue, target.getId()));
    }
    if (exists(session, issue.getId(), target.getId(), kind)) {
      return false;
    }
    if (kind == DependencyKind.BLOCKS) {
      refuseCycle(session, issue.getId(), target.getId());
    }
    session
        .createNativeMutationQuery(
            "INSERT INTO dependency (issue_id, depends_on, kind, created_at)"
                + " VALUES (:issue, :target, :kind, :at)")
        .setParameter("issue", issue.getId())
        .setParameter("target", target.getId())
        .setParameter("kind", kind.wire())
        .setParameter("at", dev.tracker.daemon.storage.InstantText.format(history.at()))
        .executeUpdate();
    history.record(issue.getId(), EventKind.DEPENDENCY_ADDED, kind.wire(), null, target.getId());
    return true;
  }

  /** Removes "issue depends on target"; a missing edge is a not-found error. */
  void remove(
      Session session,
      History history,
      IssueEditor editor,
      IssueEntity issue,
      IssueEntity target,
      DependencyKind kind) {
    if (kind == DependencyKind.PARENT_CHILD) {
      if (!target.getId().equals(issue.getParentId())) {
        throw TrackerException.notFound(
            "parent-child dependency from " + issue.getId() + " to " + target.getId());
      }
      editor.touch(issue, editor.setParent(issue, ""));
      return;
    }
    int removed =
        session
            .createNativeMutationQuery(
                "DELETE FROM dependency WHERE issue_id = :issue AND depends_on = :target AND kind = :kind")
            .setParameter("issue", issue.getId())
            .setParameter("target", target.getId())
            .setParameter("kind", kind.wire())
            .executeUpdate();
    if (removed == 0) {
      throw TrackerException.notFound(
          kind.wire() + " dependency from " + issue.getId() + " to " + target.getId());
    }
    history.record(issue.getId(), EventKind.DEPENDENCY_REMOVED, kind.wire(), target.getId(), null);
  }

  /**
   * Drops every stored edge that touches {@code issueId}, recording each on the dependent issue.
   */
  void removeAllOf(Session session, History history, String issueId) {
    List<Object[]> edges =
        session
            .createNativeQuery(
                "SELECT issue_id, depends_on, kind FROM dependency WHERE issue_id = :id OR depends_on = :id",
                Object[].class)
            .setParameter("id", issueId)
            .getResultList();
    for (Object[] edge : edges) {
      history.record(
          (String) edge[0], EventKind.DEPENDENCY_REMOVED, (String) edge[2], (String) edge[1], null);
    }
    session
        .createNativeMutationQuery(
            "DELETE FROM dependency WHERE issue_id = :id OR depends_on = :id")
        .setParameter("id", issueId)
        .executeUpdate();
  }

  /**
   * Refuses "issue depends on target" when target already depends, through blocks edges, on issue.
   * Reachability runs inside SQLite (one recursive query, each node visited once); the path is only
   * reconstructed, from the project's edges, when there is a cycle to report.
   */
  private static void refuseCycle(Session session, String issue, String target) {
    List<Integer> reached =
        session
            .createNativeQuery(
                "WITH RECURSIVE reach(id) AS ("
                    + " SELECT :target"
                    + " UNION"
                    + " SELECT d.depends_on FROM dependency d JOIN reach r ON d.issue_id = r.id"
                    + " WHERE d.kind = 'blocks')"
                    + " SELECT 1 FROM reach WHERE id = :issue LIMIT 1",
                Integer.class)
            .setParameter("target", target)
            .setParameter("issue", issue)
            .getResultList();
    if (reached.isEmpty()) {
      return;
    }
    List<String> path = new ArrayList<>();
    path.add(issue);
    path.addAll(shortestPath(blockEdgesFrom(session, target), target, issue));
    throw new TrackerException(
        ErrorCode.DEPENDENCY_CYCLE,
        issue
            + " cannot depend on "
            + target
            + ": that would close the cycle "
            + String.join(" -> ", path),
        "dependsOn",
        path,
        null);
  }

  private static boolean exists(Session session, String issue, String target, DependencyKind kind) {
    return !session
        .createNativeQuery(
            "SELECT 1 FROM dependency WHERE issue_id = :issue AND depends_on = :target AND kind = :kind",
            Integer.class)
        .setParameter("issue", issue)
        .setParameter("target", target)
        .setParameter("kind", kind.wire())
        .getResultList()
        .isEmpty();
  }

  /** The blocks edges reachable from {@code start}, as adjacency lists. */
  private static Map<String, List<String>> blockEdgesFrom(Session session, String start) {
    List<Object[]> rows =
        session
            .createNativeQuery(
                "WITH RECURSIVE reach(id) AS ("
                    + " SELECT :start"
                    + " UNION"
                    + " SELECT d.depends_on FROM dependency d JOIN reach r ON d.issue_id = r.id"
                    + " WHERE d.kind = 'blocks')"
                    + " SELECT d.issue_id, d.depends_on FROM dependency d JOIN reach r ON d.issue_id = r.id"
                    + " WHERE d.kind = 'blocks'",
                Object[].class)
            .setParameter("start", start)
            .getResultList();
    Map<String, List<String>> edges = new HashMap<>();
    for (Object[] row : rows) {
      edges.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return edges;
  }

  /** Breadth-first path from {@code from} to {@code to}, both included. */
  static List<String> shortestPath(Map<String, List<String>> edges, String from, String to) {
    Map<String, String> previous = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    previous.put(from, from);
    queue.add(from);
    while (!queue.isEmpty()) {
      String node = queue.poll();
      if (node.equals(to)) {
        break;
      }
      for (String next : edges.getOrDefault(node, List.of())) {
        if (previous.putIfAbsent(next, node) == null) {
          queue.add(next);
        }
      }
    }
    List<String> path = new ArrayList<>();
    for (String node = to; ; node = previous.get(node)) {
      path.add(node);
      if (node.equals(from) || node == null) {
        break;
      }
    }
    Collections.reverse(path);
    return path;
  }
}
