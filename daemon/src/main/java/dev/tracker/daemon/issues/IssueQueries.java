package dev.tracker.daemon.issues;

import dev.tracker.core.api.BlockedIssue;
import dev.tracker.core.api.DayCount;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.IssueRef;
import dev.tracker.core.api.LabelCount;
import dev.tracker.core.api.Page;
import dev.tracker.core.api.SearchHit;
import dev.tracker.core.api.Stats;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Event;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.EventEntity;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.IssueEntity;
import dev.tracker.daemon.storage.ProjectEntity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/** The read side: lists, ready and blocked work, full-text search, stats, labels and history. */
public final class IssueQueries {
  public static final int MAX_TIMELINE_DAYS = 366;

  /** An open blocks-edge target: the blocker exists, is not closed and is not deleted. */
  private static final String OPEN_BLOCKER =
      "SELECT 1 FROM dependency d JOIN issue b ON b.id = d.depends_on"
          + " WHERE d.issue_id = i.id AND d.kind = 'blocks' AND b.status <> 'closed'"
          + " AND b.deleted_at IS NULL";

  private final Database database;
  private final Clock clock;
  private final IssueLookup lookup = new IssueLookup();

  IssueQueries(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Page<Issue> list(String projectKey, IssueQuery query) {
    int limit = Validation.limit(query.limit());
    if (query.minPriority() != null
        && query.maxPriority() != null
        && query.minPriority().level() > query.maxPriority().level()) {
      throw TrackerException.invalid("minPriority", "must not be greater than maxPriority");
    }
    return database.read(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          String parentId = query.parent() == null ? null : parentOf(session, project, query);
          ListQuery sql = new ListQuery(query, project.getId(), parentId, limit + 1);
          NativeQuery<Object[]> native_ = session.createNativeQuery(sql.sql(), Object[].class);
          sql.parameters().forEach(native_::setParameter);
          sql.listParameters().forEach(native_::setParameterList);
          List<Issue> issues = IssueRows.toIssues(session, native_.getResultList());
          if (issues.size() <= limit) {
            return new Page<>(issues, null);
          }
          List<Issue> page = issues.subList(0, limit);
          return new Page<>(page, ListCursor.after(query.sort(), page.get(limit - 1)));
        });
  }

  /** The parent filter, reported under its own field name when it names no single issue. */
  private String parentOf(Session session, ProjectEntity project, IssueQuery query) {
    try {
      return lookup.issue(session, project, query.parent()).getId();
    } catch (TrackerException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED && e.code() != ErrorCode.AMBIGUOUS_ID) {
        throw e;
      }
      throw new TrackerException(
          e.code(), e.getMessage().replaceFirst("^id: ", "parent: "), "parent", e.candidates(), e);
    }
  }

  /** Open issues with no open blocker, most urgent first, then oldest first. */
  public List<Issue> ready(String projectKey, Integer limit) {
    int max = Validation.limit(limit);
    return database.read(
        session ->
            inWorkOrder(
                session,
                lookup.project(session, projectKey),
                "i.status = 'open' AND NOT EXISTS (" + OPEN_BLOCKER + ")",
                max));
  }

  /** Unfinished issues that have open blockers or are marked blocked, each with its blockers. */
  public List<BlockedIssue> blocked(String projectKey, Integer limit) {
    int max = Validation.limit(limit);
    return database.read(
        session -> {
          List<Issue> issues =
              inWorkOrder(
                  session,
                  lookup.project(session, projectKey),
                  "i.status <> 'closed' AND (i.status = 'blocked' OR EXISTS ("
                      + OPEN_BLOCKER
                      + "))",
                  max);
          Map<String, List<IssueRef>> blockers = blockersOf(session, issues);
          List<BlockedIssue> result = new ArrayList<>(issues.size());
          for (Issue issue : issues) {
            result.add(new BlockedIssue(issue, blockers.getOrDefault(issue.id(), List.of())));
          }
          return result;
        });
  }

  /**
   * Live issues of the project matching {@code condition}, most urgent first, then oldest first.
   * {@code condition} is one of this class's fixed SQL fragments, never user input.
   */
  private static List<Issue> inWorkOrder(
      Session session, ProjectEntity project, String condition, int limit) {
    List<Object[]> rows =
        session
            .createNativeQuery(
                "SELECT "
                    + IssueRows.COLUMNS
                    + IssueRows.FROM
                    + " WHERE i.project_id = :project AND i.deleted_at IS NULL AND "
                    + condition
                    + " ORDER BY i.priority, i.created_at, i.id LIMIT :limit",
                Object[].class)
            .setParameter("project", project.getId())
            .setParameter("limit", limit)
            .getResultList();
    return IssueRows.toIssues(session, rows);
  }

  /** Full-text search over title, description and comments, best match first. */
  public List<SearchHit> search(String projectKey, String text, Integer limit) {
    String match = FtsQuery.of(text);
    int max = Validation.limit(limit);
    return database.read(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          // Title matches weigh most, then description, then comments.
          List<Object[]> rows =
              session
                  .createNativeQuery(
                      "SELECT "
                          + IssueRows.COLUMNS
                          + ", bm25(issue_fts, 10.0, 3.0, 1.0) AS score,"
                          + " snippet(issue_fts, -1, '[', ']', '...', 12)"
                          + " FROM issue_fts JOIN issue i ON i.seq = issue_fts.rowid"
                          + " JOIN project p ON p.id = i.project_id"
                          + " WHERE issue_fts MATCH :match AND i.project_id = :project"
                          + " AND i.deleted_at IS NULL ORDER BY score, i.id LIMIT :limit",
                      Object[].class)
                  .setParameter("match", match)
                  .setParameter("project", project.getId())
                  .setParameter("limit", max)
                  .getResultList();
          List<Issue> issues = IssueRows.toIssues(session, rows);
          List<SearchHit> hits = new ArrayList<>(issues.size());
          for (int i = 0; i < issues.size(); i++) {
            Object[] row = rows.get(i);
            hits.add(
                new SearchHit(
                    issues.get(i),
                    ((Number) row[IssueRows.COLUMN_COUNT]).doubleValue(),
                    (String) row[IssueRows.COLUMN_COUNT + 1]));
          }
          return hits;
        });
  }

  /** Counts of live issues, and issues opened and closed per UTC day over the last {@code days}. */
  public Stats stats(String projectKey, Integer days) {
    int window = days == null ? 30 : days;
    if (window < 1 || window > MAX_TIMELINE_DAYS) {
      throw TrackerException.invalid(
          "days", "must be 1 to " + MAX_TIMELINE_DAYS + " (got " + window + ")");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(window - 1L);
    return database.read(
        session -> {
          long project = lookup.project(session, projectKey).getId();
          Map<String, Long> byStatus = countBy(session, project, "status");
          Map<String, Long> byPriority = countBy(session, project, "priority");
          Map<String, Long> byType = countBy(session, project, "type");
          Map<String, Long> byAssignee = countBy(session, project, "coalesce(assignee, '')");
          long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
          String since = InstantText.format(first.atStartOfDay(ZoneOffset.UTC).toInstant());
          Map<String, Long> opened = perDay(session, project, "created_at", since);
          Map<String, Long> closed = perDay(session, project, "closed_at", since);
          List<DayCount> timeline = new ArrayList<>(window);
          for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            String key = day.toString();
            timeline.add(
                new DayCount(day, opened.getOrDefault(key, 0L), closed.getOrDefault(key, 0L)));
          }
          return new Stats(total, byStatus, byPriority, byType, byAssignee, timeline);
        });
  }

  /** Labels in use on live issues, with how many issues carry each. */
  public List<LabelCount> labels(String projectKey) {
    return database.read(
        session -> {
          long project = lookup.project(session, projectKey).getId();
          return session
              .createNativeQuery(
                  "SELECT l.name, count(*) FROM label l JOIN issue i ON i.id = l.issue_id"
                      + " WHERE i.project_id = :project AND i.deleted_at IS NULL"
                      + " GROUP BY l.name ORDER BY l.name",
                  Object[].class)
              .setParameter("project", project)
              .getResultList()
              .stream()
              .map(row -> new LabelCount((String) row[0], ((Number) row[1]).longValue()))
              .toList();
        });
  }

  /** The history of an issue, oldest first; deleted issues keep theirs. */
  public List<Event> history(String projectKey, String issueId) {
    return database.read(
        session -> {
          IssueEntity issue = lookup.issue(session, projectKey, issueId, true);
          return session
              .createNativeQuery(
                  "SELECT * FROM event WHERE issue_id = :issue ORDER BY id", EventEntity.class)
              .setParameter("issue", issue.getId())
              .getResultList()
              .stream()
              .map(
                  e ->
                      new Event(
                          e.getId(),
                          e.getIssueId(),
                          e.getKind(),
                          e.getField(),
                          e.getOldValue(),
                          e.getNewValue(),
                          e.getActor(),
                          e.getAt()))
              .toList();
        });
  }

  private static Map<String, List<IssueRef>> blockersOf(Session session, List<Issue> issues) {
    Map<String, List<IssueRef>> blockers = new HashMap<>();
    if (issues.isEmpty()) {
      return blockers;
    }
    List<Object[]> rows =
        session
            .createNativeQuery(
                "SELECT d.issue_id, b.id, b.title, b.status, b.priority FROM dependency d"
                    + " JOIN issue b ON b.id = d.depends_on WHERE d.kind = 'blocks'"
                    + " AND d.issue_id IN (:ids) AND b.status <> 'closed' AND b.deleted_at IS NULL"
                    + " ORDER BY b.priority, b.created_at, b.id",
                Object[].class)
            .setParameterList("ids", issues.stream().map(Issue::id).toList())
            .getResultList();
    for (Object[] row : rows) {
      blockers
          .computeIfAbsent((String) row[0], k -> new ArrayList<>())
          .add(
              new IssueRef(
                  (String) row[1],
                  (String) row[2],
                  Status.parse((String) row[3]),
                  Priority.of(((Number) row[4]).intValue())));
    }
    return blockers;
  }

  /** {@code expression} is one of this class's fixed column expressions, never user input. */
  private static Map<String, Long> countBy(Session session, long project, String expression) {
    Map<String, Long> counts = new LinkedHashMap<>();
    session
        .createNativeQuery(
            "SELECT "
                + expression
                + ", count(*) FROM issue WHERE project_id = :project AND deleted_at IS NULL"
                + " GROUP BY 1 ORDER BY 1",
            Object[].class)
        .setParameter("project", project)
        .getResultList()
        .forEach(row -> counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
    return counts;
  }

  private static Map<String, Long> perDay(
      Session session, long project, String column, String since) {
    Map<String, Long> counts = new HashMap<>();
    session
        .createNativeQuery(
            "SELECT substr("
                + column
                + ", 1, 10), count(*) FROM issue WHERE project_id = :project AND deleted_at IS NULL AND "
                + column
                + " >= :since GROUP BY 1",
            Object[].class)
        .setParameter("project", project)
        .setParameter("since", since)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }
}
