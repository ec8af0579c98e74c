package dev.tracker.daemon.issues;

import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.IssueEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Reads issues with plain SQL for the query paths (list, ready, search...), where loading entities
 * would cost more than the rows themselves, and turns rows and entities into API records.
 */
final class IssueRows {
  /** The columns every issue query selects, in the order {@link #toIssue} reads them. */
  static final String COLUMNS =
      "i.id, p.key, i.title, i.description, i.status, i.priority, i.type, i.assignee, i.parent_id,"
          + " i.created_at, i.updated_at, i.closed_at, i.close_reason, i.deleted_at, i.version";

  static final String FROM = " FROM issue i JOIN project p ON p.id = i.project_id";
  static final int COLUMN_COUNT = 15;

  private IssueRows() {}

  /** Maps rows whose first {@link #COLUMN_COUNT} columns are {@link #COLUMNS}, with labels. */
  static List<Issue> toIssues(Session session, List<Object[]> rows) {
    List<String> ids = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      ids.add((String) row[0]);
    }
    Map<String, List<String>> labels = labelsOf(session, ids);
    List<Issue> issues = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      issues.add(toIssue(row, labels.getOrDefault((String) row[0], List.of())));
    }
    return issues;
  }

  static Issue toIssue(Object[] row, List<String> labels) {
    return new Issue(
        (String) row[0],
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
        ((Number) row[14]).longValue());
  }

  static Issue toIssue(IssueEntity entity, String projectKey) {
    return new Issue(
        entity.getId(),
        projectKey,
        entity.getTitle(),
        entity.getDescription(),
        entity.getStatus(),
        entity.getPriority(),
        entity.getType(),
        entity.getAssignee(),
        List.copyOf(new java.util.TreeSet<>(entity.getLabels())),
        entity.getParentId(),
        entity.getCreatedAt(),
        entity.getUpdatedAt(),
        entity.getClosedAt(),
        entity.getCloseReason(),
        entity.getDeletedAt(),
        entity.getVersion());
  }

  static Map<String, List<String>> labelsOf(Session session, Collection<String> ids) {
    Map<String, List<String>> labels = new HashMap<>();
    if (ids.isEmpty()) {
      return labels;
    }
    List<Object[]> rows =
        session
            .createNativeQuery(
                "SELECT issue_id, name FROM label WHERE issue_id IN (:ids) ORDER BY issue_id, name",
                Object[].class)
            .setParameterList("ids", ids)
            .getResultList();
    for (Object[] row : rows) {
      labels.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return labels;
  }
}
