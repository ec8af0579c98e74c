package dev.tracker.daemon.issues;

import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.ProjectEntity;
import dev.tracker.daemon.sync.jsonl.CommentLine;
import dev.tracker.daemon.sync.jsonl.DependencyLine;
import dev.tracker.daemon.sync.jsonl.IssueLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.type.StandardBasicTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sync loop reads from and writes to the store: which projects have a repository, their
 * change counters, a consistent snapshot of a project as sync lines, and the application of merged
 * lines in one transaction.
 */
public final class SyncStore {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String EMPTY_ARRAY = "[]";

  /** One statement, so one WAL snapshot: the lines and the counter they correspond to agree. */
  private static final String SNAPSHOT =
      "SELECT p.change_count, i.id, i.title, i.description, i.status, i.priority, i.type, i.assignee,"
          + " i.parent_id, i.created_at, i.updated_at, i.closed_at, i.close_reason, i.deleted_at,"
          + " (SELECT json_group_array(l.name) FROM label l WHERE l.issue_id = i.id),"
          + " (SELECT json_group_array(json_object('dependsOn', d.depends_on, 'kind', d.kind))"
          + "    FROM dependency d WHERE d.issue_id = i.id),"
          + " (SELECT json_group_array(json_object('id', c.id, 'author', c.author, 'body', c.body,"
          + "    'createdAt', c.created_at)) FROM comment c WHERE c.issue_id = i.id)"
          + " FROM project p LEFT JOIN issue i ON i.project_id = p.id WHERE p.key = :key ORDER BY i.id";

  private final Database database;
  private final IssueLookup lookup = new IssueLookup();

  public SyncStore(Database database) {
    this.database = database;
  }

  /** A project that lives in a repository, with its change counter. */
  public record Target(String key, String name, String root, long changeCount) {}

  /** A project's issues as sync lines, and the change counter they reflect. */
  public record Snapshot(long changeCount, List<IssueLine> lines) {}

  /** Projects with a repository root: the only ones that have a file to sync. One cheap query. */
  public List<Target> targets() {
    return database.read(
        session ->
            session
                .createNativeQuery(
                    "SELECT key, name, root, change_count FROM project WHERE root IS NOT NULL ORDER BY key",
                    Object[].class)
                .getResultList()
                .stream()
                .map(
                    row ->
                        new Target(
                            (String) row[0],
                            (String) row[1],
                            (String) row[2],
                            ((Number) row[3]).longValue()))
                .toList());
  }

  public Snapshot snapshot(String projectKey) {
    return database.read(
        session -> {
          List<Object[]> rows =
              session
                  .createNativeQuery(SNAPSHOT, Object[].class)
                  .setParameter("key", projectKey)
                  .getResultList();
          if (rows.isEmpty()) {
            throw TrackerException.notFound("project '" + projectKey + "'");
          }
          List<IssueLine> lines = new ArrayList<>(rows.size());
          for (Object[] row : rows) {
            if (row[1] != null) {
              lines.add(toLine(row));
            }
          }
          return new Snapshot(((Number) rows.get(0)[0]).longValue(), lines);
        });
  }

  /**
   * Makes the project's issues equal to {@code target} where they differ from {@code current} (the
   * snapshot the merge started from), in one transaction. Returns the number of issues changed.
   * Edges to issues that exist nowhere are dropped rather than failing the whole import.
   *
   * @throws ConcurrentChangeException if the project changed since {@code current} was taken;
   *     nothing was written
   */
  public int apply(String projectKey, Snapshot current, List<IssueLine> target) {
    Map<String, IssueLine> before = new HashMap<>();
    current.lines().forEach(line -> before.put(line.id(), line));
    List<IssueLine> changed = new ArrayList<>();
    for (IssueLine line : target) {
      if (!line.equals(before.get(line.id()))) {
        changed.add(line);
      }
    }
    if (changed.isEmpty()) {
      return 0;
    }
    return database.write(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          // IMMEDIATE transactions hold the write lock from here on: the counter cannot move.
          long now = changeCount(session, project.getId());
          if (now != current.changeCount()) {
            throw new ConcurrentChangeException(projectKey, current.changeCount(), now);
          }
          Set<String> known = new HashSet<>(before.keySet());
          for (IssueLine line : changed) {
            upsertIssue(session, project.getId(), line, before.containsKey(line.id()));
            known.add(line.id());
          }
          for (IssueLine line : changed) {
            replaceLabels(session, line);
            replaceDependencies(session, line, known);
            mergeComments(session, line);
            setParent(session, line, known);
          }
          History.bumpProject(session, project.getId());
          return changed.size();
        });
  }

  private static long changeCount(Session session, long projectId) {
    return session
        .createNativeQuery("SELECT change_count FROM project WHERE id = :id", Long.class)
        .setParameter("id", projectId)
        .getSingleResult();
  }

  private static void upsertIssue(Session session, long projectId, IssueLine line, boolean exists) {
    String sql =
        exists
            ? "UPDATE issue SET title = :title, description = :description, status = :status,"
                + " priority = :priority, type = :type, assignee = :assignee, created_at = :created,"
                + " updated_at = :updated, closed_at = :closed, close_reason = :reason,"
                + " deleted_at = :deleted, version = version + 1 WHERE id = :id"
            : "INSERT INTO issue (id, project_id, title, description, status, priority, type, assignee,"
                + " created_at, updated_at, closed_at, close_reason, deleted_at)"
                + " VALUES (:id, :project, :title, :description, :status, :priority, :type, :assignee,"
                + " :created, :updated, :closed, :reason, :deleted)";
    var query =
        session
            .createNativeMutationQuery(sql)
            .setParameter("id", line.id())
            .setParameter("title", line.title())
            .setParameter("description", line.description(), StandardBasicTypes.STRING)
            .setParameter("status", line.status().wire())
            .setParameter("priority", line.priority().level())
            .setParameter("type", line.type().wire())
            .setParameter("assignee", line.assignee(), StandardBasicTypes.STRING)
            .setParameter("created", InstantText.format(line.createdAt()))
            .setParameter("updated", InstantText.format(line.updatedAt()))
            .setParameter("closed", InstantText.format(line.closedAt()), StandardBasicTypes.STRING)
            .setParameter("reason", line.closeReason(), StandardBasicTypes.STRING)
            .setParameter(
                "deleted", InstantText.format(line.deletedAt()), StandardBasicTypes.STRING);
    if (!exists) {
      query.setParameter("project", projectId);
    }
    query.executeUpdate();
  }

  private static void replaceLabels(Session session, IssueLine line) {
    session
        .createNativeMutationQuery("DELETE FROM label WHERE issue_id = :id")
        .setParameter("id", line.id())
        .executeUpdate();
    for (String label : line.labels()) {
      session
          .createNativeMutationQuery("INSERT INTO label (issue_id, name) VALUES (:id, :name)")
          .setParameter("id", line.id())
          .setParameter("name", label)
          .executeUpdate();
    }
  }

  private static void replaceDependencies(Session session, IssueLine line, Set<String> known) {
    session
        .createNativeMutationQuery("DELETE FROM dependency WHERE issue_id = :id")
        .setParameter("id", line.id())
        .executeUpdate();
    for (DependencyLine edge : line.dependencies()) {
      if (!known.contains(edge.dependsOn()) || edge.dependsOn().equals(line.id())) {
        continue;
      }
      session
          .createNativeMutationQuery(
              "INSERT INTO dependency (issue_id, depends_on, kind, created_at) VALUES (:id, :target, :kind, :at)")
          .setParameter("id", line.id())
          .setParameter("target", edge.dependsOn())
          .setParameter("kind", edge.kind().wire())
          .setParameter("at", InstantText.format(line.updatedAt()))
          .executeUpdate();
    }
  }

  /** Comments merge by id: the line's set is the truth, so missing ones go and new ones come. */
  private static void mergeComments(Session session, IssueLine line) {
    Set<String> wanted = new HashSet<>();
    for (CommentLine comment : line.comments()) {
      wanted.add(comment.id());
      session
          .createNativeMutationQuery(
              "INSERT INTO comment (id, issue_id, author, body, created_at) VALUES (:cid, :id, :author, :body, :at)"
                  + " ON CONFLICT (id) DO UPDATE SET body = excluded.body WHERE body <> excluded.body")
          .setParameter("cid", comment.id())
          .setParameter("id", line.id())
          .setParameter("author", comment.author())
          .setParameter("body", comment.body())
          .setParameter("at", InstantText.format(comment.createdAt()))
          .executeUpdate();
    }
    List<String> stored =
        session
            .createNativeQuery("SELECT id FROM comment WHERE issue_id = :id", String.class)
            .setParameter("id", line.id())
            .getResultList();
    for (String id : stored) {
      if (!wanted.contains(id)) {
        session
            .createNativeMutationQuery("DELETE FROM comment WHERE id = :cid")
            .setParameter("cid", id)
            .executeUpdate();
      }
    }
  }

  private static void setParent(Session session, IssueLine line, Set<String> known) {
    String parent =
        line.parent() != null && known.contains(line.parent()) && !line.parent().equals(line.id())
            ? line.parent()
            : null;
    session
        .createNativeMutationQuery("UPDATE issue SET parent_id = :parent WHERE id = :id")
        .setParameter("parent", parent, StandardBasicTypes.STRING)
        .setParameter("id", line.id())
        .executeUpdate();
  }

  private static IssueLine toLine(Object[] row) {
    List<String> labels = new ArrayList<>();
    array((String) row[14]).forEach(node -> labels.add(node.asString()));
    List<DependencyLine> dependencies = new ArrayList<>();
    array((String) row[15])
        .forEach(
            node ->
                dependencies.add(
                    new DependencyLine(
                        text(node, "dependsOn"), DependencyKind.parse(text(node, "kind")))));
    List<CommentLine> comments = new ArrayList<>();
    array((String) row[16])
        .forEach(
            node ->
                comments.add(
                    new CommentLine(
                        text(node, "id"),
                        text(node, "author"),
                        text(node, "body"),
                        InstantText.parse(text(node, "createdAt")))));
    return new IssueLine(
        (String) row[1],
        (String) row[2],
        (String) row[3],
        Status.parse((String) row[4]),
        Priority.of(((Number) row[5]).intValue()),
        IssueType.parse((String) row[6]),
        (String) row[7],
        labels,
        (String) row[8],
        InstantText.parse((String) row[9]),
        InstantText.parse((String) row[10]),
        InstantText.parse((String) row[11]),
        (String) row[12],
        InstantText.parse((String) row[13]),
        dependencies,
        comments);
  }

  /**
   * A {@code json_group_array} column. Most issues have no comments or dependencies and many no
   * labels; their {@code []} is not worth a parser (an export reads 30,000 of these columns).
   */
  private static Iterable<JsonNode> array(String json) {
    return EMPTY_ARRAY.equals(json) ? List.of() : JSON.readTree(json);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
