package dev.tracker.daemon.issues;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.id.IssueIds;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.IssueEntity;
import dev.tracker.daemon.storage.ProjectEntity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/** Finds projects by key and issues by id or unique id prefix, inside the caller's session. */
final class IssueLookup {
  private static final int CANDIDATES_SHOWN = 10;

  /**
   * Project ids by key, as lookups found them. Keys never change, so a known key costs one {@code
   * Session.find} (by primary key, with a plan Hibernate keeps) instead of a native query, whose
   * result mapping Hibernate resolves again at every execution: about 10% of the issue-read rate. A
   * hit is checked against the key, so a stale entry (an insert rolled back, an id reused) only
   * costs the query.
   */
  private final Map<String, Long> projectIds = new ConcurrentHashMap<>();

  ProjectEntity project(Session session, String key) {
    String normalized = Validation.projectKey(key);
    Long id = projectIds.get(normalized);
    if (id != null) {
      ProjectEntity known = session.find(ProjectEntity.class, id);
      if (known != null && known.getKey().equals(normalized)) {
        return known;
      }
    }
    ProjectEntity project =
        session
            .createNativeQuery("SELECT * FROM project WHERE key = :key", ProjectEntity.class)
            .setParameter("key", normalized)
            .uniqueResultOptional()
            .orElseThrow(() -> TrackerException.notFound("project '" + normalized + "'"));
    projectIds.put(normalized, project.getId());
    return project;
  }

  /**
   * The live issue of project {@code projectKey} whose id is, or starts with, what the user typed.
   * A bare random part is taken as belonging to that project; issues of other projects never match.
   * Several matches are an error that lists them.
   */
  IssueEntity issue(Session session, String projectKey, String typed) {
    return issue(session, projectKey, typed, false);
  }

  IssueEntity issue(Session session, String projectKey, String typed, boolean includeDeleted) {
    // Resolving the project first folds the key's case and keeps other projects' issues out.
    return issue(session, project(session, projectKey), typed, includeDeleted);
  }

  IssueEntity issue(Session session, ProjectEntity project, String typed) {
    return issue(session, project, typed, false);
  }

  IssueEntity issue(Session session, ProjectEntity project, String typed, boolean includeDeleted) {
    String prefix = IssueIds.normalizePrefix(project.getKey(), typed);
    IssueEntity exact = session.find(IssueEntity.class, prefix);
    if (exact != null
        && exact.getProjectId() == project.getId()
        && (includeDeleted || exact.getDeletedAt() == null)) {
      return exact;
    }
    List<String> matches =
        session
            .createNativeQuery(
                "SELECT id FROM issue WHERE project_id = :project AND id >= :low AND id < :high"
                    + (includeDeleted ? "" : " AND deleted_at IS NULL")
                    + " ORDER BY id LIMIT :max",
                String.class)
            .setParameter("project", project.getId())
            .setParameter("low", prefix)
            .setParameter("high", IssueIds.prefixUpperBound(prefix))
            .setParameter("max", CANDIDATES_SHOWN + 1)
            .getResultList();
    if (matches.isEmpty()) {
      throw TrackerException.notFound("issue '" + typed + "'");
    }
    if (matches.size() > 1) {
      String shown =
          String.join(", ", matches.subList(0, Math.min(matches.size(), CANDIDATES_SHOWN)));
      throw new TrackerException(
          ErrorCode.AMBIGUOUS_ID,
          "'"
              + typed
              + "' matches several issues: "
              + shown
              + (matches.size() > CANDIDATES_SHOWN ? ", ..." : ""),
          "id",
          matches.subList(0, Math.min(matches.size(), CANDIDATES_SHOWN)),
          null);
    }
    return session.find(IssueEntity.class, matches.get(0));
  }
}
