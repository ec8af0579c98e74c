package dev.tracker.daemon.issues;

import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.IssueSort;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Status;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.InstantText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the SQL of a filtered, sorted list. Every value, user-typed or not, is a bound parameter;
 * only fixed fragments of this class become SQL text.
 */
final class ListQuery {
  private final StringBuilder sql = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final Map<String, List<?>> listParameters = new LinkedHashMap<>();

  ListQuery(IssueQuery query, long projectId, String parentId, int fetch) {
    sql.append("SELECT ").append(IssueRows.COLUMNS).append(IssueRows.FROM);
    sql.append(" WHERE i.project_id = :project AND i.deleted_at IS NULL");
    parameters.put("project", projectId);
    filters(query, parentId);
    IssueSort sort = query.sort();
    if (query.cursor() != null && !query.cursor().isBlank()) {
      keyset(sort, ListCursor.keys(sort, query.cursor()));
    }
    sql.append(" ORDER BY ").append(orderBy(sort)).append(" LIMIT :fetch");
    parameters.put("fetch", fetch);
  }

  String sql() {
    return sql.toString();
  }

  Map<String, Object> parameters() {
    return parameters;
  }

  Map<String, List<?>> listParameters() {
    return listParameters;
  }

  private void filters(IssueQuery query, String parentId) {
    if (!query.statuses().isEmpty()) {
      sql.append(" AND i.status IN (:statuses)");
      listParameters.put("statuses", query.statuses().stream().map(Status::wire).toList());
    }
    if (query.minPriority() != null) {
      sql.append(" AND i.priority >= :minPriority");
      parameters.put("minPriority", query.minPriority().level());
    }
    if (query.maxPriority() != null) {
      sql.append(" AND i.priority <= :maxPriority");
      parameters.put("maxPriority", query.maxPriority().level());
    }
    if (query.type() != null) {
      sql.append(" AND i.type = :type");
      parameters.put("type", query.type().wire());
    }
    if (query.unassigned() && query.assignee() != null) {
      throw TrackerException.invalid("assignee", "cannot be combined with unassigned");
    }
    if (query.unassigned()) {
      sql.append(" AND i.assignee IS NULL");
    } else if (query.assignee() != null) {
      sql.append(" AND i.assignee = :assignee");
      parameters.put("assignee", Validation.name("assignee", query.assignee()));
    }
    // Label filters are uncorrelated IN subqueries rather than correlated EXISTS: SQLite builds
    // each list of ids once and tests candidates against it, instead of one label lookup (and a
    // table-row read) per candidate. The difference is measured in docs/benchmarks.md.
    int n = 0;
    for (String label : query.allLabels()) {
      String name = "all" + n++;
      sql.append(" AND i.id IN (SELECT l.issue_id FROM label l WHERE l.name = :")
          .append(name)
          .append(')');
      parameters.put(name, Validation.label(label));
    }
    if (!query.anyLabels().isEmpty()) {
      sql.append(" AND i.id IN (SELECT l.issue_id FROM label l WHERE l.name IN (:anyLabels))");
      listParameters.put("anyLabels", query.anyLabels().stream().map(Validation::label).toList());
    }
    if (parentId != null) {
      sql.append(" AND i.parent_id = :parent");
      parameters.put("parent", parentId);
    }
    range("created_at", "created", query.createdSince(), query.createdBefore());
    range("updated_at", "updated", query.updatedSince(), query.updatedBefore());
    if (query.text() != null && !query.text().isBlank()) {
      sql.append(" AND i.seq IN (SELECT rowid FROM issue_fts WHERE issue_fts MATCH :text)");
      parameters.put("text", FtsQuery.of(query.text()));
    }
  }

  private void range(
      String column, String name, java.time.Instant since, java.time.Instant before) {
    if (since != null) {
      sql.append(" AND i.").append(column).append(" >= :").append(name).append("Since");
      parameters.put(name + "Since", InstantText.format(since));
    }
    if (before != null) {
      sql.append(" AND i.").append(column).append(" < :").append(name).append("Before");
      parameters.put(name + "Before", InstantText.format(before));
    }
  }

  /** Each sort runs in one direction throughout, so SQLite's row-value comparison is exact. */
  private void keyset(IssueSort sort, List<Object> keys) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      names.add(":after" + i);
      parameters.put("after" + i, keys.get(i));
    }
    String operator = sort == IssueSort.CREATED || sort == IssueSort.UPDATED ? " < " : " > ";
    sql.append(" AND (")
        .append(sortColumns(sort))
        .append(')')
        .append(operator)
        .append('(')
        .append(String.join(", ", names))
        .append(')');
  }

  private static String sortColumns(IssueSort sort) {
    return switch (sort) {
      case PRIORITY -> "i.priority, i.created_at, i.id";
      case CREATED -> "i.created_at, i.id";
      case UPDATED -> "i.updated_at, i.id";
      case ID -> "i.id";
    };
  }

  private static String orderBy(IssueSort sort) {
    return switch (sort) {
      case PRIORITY -> "i.priority, i.created_at, i.id";
      case CREATED -> "i.created_at DESC, i.id DESC";
      case UPDATED -> "i.updated_at DESC, i.id DESC";
      case ID -> "i.id";
    };
  }
}
