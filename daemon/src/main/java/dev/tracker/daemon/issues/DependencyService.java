package dev.tracker.daemon.issues;

import dev.tracker.core.api.DependencyCycle;
import dev.tracker.core.api.DependencyTree;
import dev.tracker.core.api.IssueRef;
import dev.tracker.core.api.TreeDirection;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Dependency;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.IssueEntity;
import dev.tracker.daemon.storage.ProjectEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/** Adds, removes and reports dependencies: an issue's edges, a dependency tree, and cycles. */
public final class DependencyService {
  public static final int TREE_MAX_DEPTH = 50;

  private final Database database;
  private final Clock clock;
  private final IssueLookup lookup = new IssueLookup();
  private final DependencyRules rules;

  DependencyService(Database database, Clock clock, DependencyRules rules) {
    this.database = database;
    this.clock = clock;
    this.rules = rules;
  }

  /**
   * Records "{@code issueId} depends on {@code dependsOnId}"; adding an existing edge is a no-op.
   */
  public Dependency add(
      String projectKey, String issueId, String dependsOnId, DependencyKind kind, String actor) {
    return change(projectKey, issueId, dependsOnId, kind, actor, true);
  }

  public Dependency remove(
      String projectKey, String issueId, String dependsOnId, DependencyKind kind, String actor) {
    return change(projectKey, issueId, dependsOnId, kind, actor, false);
  }

  /** Every edge that touches the issue, both directions, parent-child included. */
  public List<Dependency> of(String projectKey, String issueId) {
    return database.read(
        session -> {
          IssueEntity issue = lookup.issue(session, projectKey, issueId);
          ProjectGraph graph = ProjectGraph.load(session, issue.getProjectId());
          List<Dependency> edges = new ArrayList<>(graph.outgoing(issue.getId()));
          edges.addAll(graph.incoming(issue.getId()));
          return edges;
        });
  }

  /**
   * The tree of what the issue depends on ({@link TreeDirection#DOWN}) or of what depends on it
   * ({@link TreeDirection#UP}), at most {@code maxDepth} levels deep. A node already on the path
   * above it is shown once more, marked truncated, so a cycle cannot recurse forever.
   */
  public DependencyTree tree(
      String projectKey, String issueId, TreeDirection direction, Integer maxDepth) {
    int depth = maxDepth == null ? 10 : maxDepth;
    if (depth < 1 || depth > TREE_MAX_DEPTH) {
      throw TrackerException.invalid(
          "depth", "must be 1 to " + TREE_MAX_DEPTH + " (got " + depth + ")");
    }
    TreeDirection way = direction == null ? TreeDirection.DOWN : direction;
    return database.read(
        session -> {
          IssueEntity root = lookup.issue(session, projectKey, issueId);
          ProjectGraph graph = ProjectGraph.load(session, root.getProjectId());
          return graph.tree(root.getId(), way, depth, null, new HashSet<>());
        });
  }

  /** Every cycle of blocks edges in the project (one per strongly connected component). */
  public List<DependencyCycle> cycles(String projectKey) {
    return database.read(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          return ProjectGraph.load(session, project.getId()).blockCycles();
        });
  }

  private Dependency change(
      String projectKey,
      String issueId,
      String dependsOnId,
      DependencyKind kind,
      String actor,
      boolean adding) {
    String who = Validation.name("actor", actor);
    if (kind == null) {
      throw TrackerException.invalid(
          "kind", "is required; one of blocks, parent-child, related, discovered-from");
    }
    return database.write(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          History history = new History(session, who, InstantText.truncate(clock.instant()));
          IssueEditor editor = new IssueEditor(session, lookup, history, project);
          IssueEntity issue = lookup.issue(session, project, issueId);
          IssueEntity target = lookup.issue(session, project, dependsOnId);
          boolean changed = true;
          if (adding) {
            changed = rules.add(session, history, editor, issue, target, kind);
          } else {
            rules.remove(session, history, editor, issue, target, kind);
          }
          if (changed) {
            History.bumpProject(session, project.getId());
          }
          return new Dependency(issue.getId(), target.getId(), kind);
        });
  }

  /** A project's live dependency graph, loaded in two queries, for reports that walk it. */
  static final class ProjectGraph {
    private final Map<String, IssueRef> refs;
    private final List<Dependency> edges;
    private final Map<String, List<Dependency>> out = new HashMap<>();
    private final Map<String, List<Dependency>> in = new HashMap<>();

    private ProjectGraph(Map<String, IssueRef> refs, List<Dependency> edges) {
      this.refs = refs;
      this.edges = edges;
      for (Dependency edge : edges) {
        out.computeIfAbsent(edge.issue(), k -> new ArrayList<>()).add(edge);
        in.computeIfAbsent(edge.dependsOn(), k -> new ArrayList<>()).add(edge);
      }
    }

    static ProjectGraph load(Session session, long projectId) {
      Map<String, IssueRef> refs = new HashMap<>();
      List<Dependency> edges = new ArrayList<>();
      List<Object[]> issues =
          session
              .createNativeQuery(
                  "SELECT id, title, status, priority, parent_id FROM issue"
                      + " WHERE project_id = :project AND deleted_at IS NULL",
                  Object[].class)
              .setParameter("project", projectId)
              .getResultList();
      for (Object[] row : issues) {
        refs.put(
            (String) row[0],
            new IssueRef(
                (String) row[0],
                (String) row[1],
                Status.parse((String) row[2]),
                Priority.of(((Number) row[3]).intValue())));
        if (row[4] != null) {
          edges.add(new Dependency((String) row[0], (String) row[4], DependencyKind.PARENT_CHILD));
        }
      }
      List<Object[]> stored =
          session
              .createNativeQuery(
                  "SELECT d.issue_id, d.depends_on, d.kind FROM dependency d"
                      + " JOIN issue i ON i.id = d.issue_id WHERE i.project_id = :project"
                      + " ORDER BY d.issue_id, d.depends_on, d.kind",
                  Object[].class)
              .setParameter("project", projectId)
              .getResultList();
      for (Object[] row : stored) {
        if (refs.containsKey((String) row[1])) {
          edges.add(
              new Dependency(
                  (String) row[0], (String) row[1], DependencyKind.parse((String) row[2])));
        }
      }
      return new ProjectGraph(refs, edges);
    }

    List<Dependency> outgoing(String id) {
      return out.getOrDefault(id, List.of());
    }

    List<Dependency> incoming(String id) {
      return in.getOrDefault(id, List.of());
    }

    DependencyTree tree(
        String id, TreeDirection direction, int depthLeft, DependencyKind via, Set<String> path) {
      IssueRef ref = refs.get(id);
      if (depthLeft == 0 || !path.add(id)) {
        boolean hasMore =
            !(direction == TreeDirection.DOWN ? outgoing(id) : incoming(id)).isEmpty();
        return new DependencyTree(ref, via, List.of(), hasMore);
      }
      List<DependencyTree> children = new ArrayList<>();
      for (Dependency edge : direction == TreeDirection.DOWN ? outgoing(id) : incoming(id)) {
        String next = direction == TreeDirection.DOWN ? edge.dependsOn() : edge.issue();
        children.add(tree(next, direction, depthLeft - 1, edge.kind(), path));
      }
      path.remove(id);
      return new DependencyTree(ref, via, children, false);
    }

    List<DependencyCycle> blockCycles() {
      Map<String, List<String>> blocks = new HashMap<>();
      for (Dependency edge : edges) {
        if (edge.kind() == DependencyKind.BLOCKS) {
          blocks.computeIfAbsent(edge.issue(), k -> new ArrayList<>()).add(edge.dependsOn());
        }
      }
      return new CycleFinder(blocks).cycles();
    }
  }
}
