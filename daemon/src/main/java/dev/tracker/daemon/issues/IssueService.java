package dev.tracker.daemon.issues;

import dev.tracker.core.api.DependencyDraft;
import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.id.IssueIds;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Limits;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.IssueEntity;
import dev.tracker.daemon.storage.ProjectEntity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.hibernate.Session;

/**
 * Creates and changes issues. Every input is validated before the transaction starts; every write
 * is one transaction that records its events and bumps the project's change counter, and either all
 * of it lands or none of it does.
 */
public final class IssueService {
  private static final int ID_ATTEMPTS = 20;

  private final Database database;
  private final Clock clock;
  private final RandomGenerator random;
  private final IssueLookup lookup = new IssueLookup();
  private final DependencyRules dependencies;

  IssueService(
      Database database, Clock clock, RandomGenerator random, DependencyRules dependencies) {
    this.database = database;
    this.clock = clock;
    this.random = random;
    this.dependencies = dependencies;
  }

  public Issue create(String projectKey, IssueDraft draft, String actor) {
    String title = Validation.title(draft.title());
    String description = Validation.description(draft.description());
    String assignee =
        draft.assignee() == null || draft.assignee().isBlank()
            ? null
            : Validation.name("assignee", draft.assignee());
    List<String> labels = Validation.labels(draft.labels());
    String who = Validation.name("actor", actor);
    for (DependencyDraft dependency : draft.dependencies()) {
      if (dependency.kind() == null || dependency.dependsOn() == null) {
        throw TrackerException.invalid(
            "dependencies", "each dependency needs a kind and an issue id");
      }
    }
    return database.write(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          History history = new History(session, who, now());
          IssueEntity issue =
              new IssueEntity(newId(session, project), project.getId(), history.at());
          issue.setTitle(title);
          issue.setDescription(description);
          issue.setPriority(draft.priority() == null ? Priority.DEFAULT : draft.priority());
          issue.setType(draft.type() == null ? IssueType.TASK : draft.type());
          issue.setAssignee(assignee);
          Status status = draft.status() == null ? Status.OPEN : draft.status();
          issue.setStatus(status);
          if (status == Status.CLOSED) {
            issue.setClosedAt(history.at());
          }
          issue.getLabels().addAll(labels);
          // The row must exist before events and edges that reference it are inserted.
          session.persist(issue);
          session.flush();
          history.record(issue.getId(), EventKind.CREATED, "title", null, title);
          IssueEditor editor = new IssueEditor(session, lookup, history, project);
          if (draft.parent() != null && !draft.parent().isBlank()) {
            editor.setParent(issue, draft.parent().strip());
          }
          for (DependencyDraft dependency : draft.dependencies()) {
            IssueEntity target = lookup.issue(session, project, dependency.dependsOn());
            dependencies.add(session, history, editor, issue, target, dependency.kind());
          }
          History.bumpProject(session, project.getId());
          session.flush();
          return IssueRows.toIssue(issue, project.getKey());
        });
  }

  public Issue get(String projectKey, String id) {
    return database.read(
        session -> {
          IssueEntity issue = lookup.issue(session, projectKey, id);
          return IssueRows.toIssue(issue, keyOf(session, issue));
        });
  }

  /**
   * Applies {@code patch}. With {@code expectedVersion}, the write happens only if the issue is
   * still at that version; otherwise it fails with {@link ErrorCode#VERSION_CONFLICT}.
   */
  public Issue update(
      String projectKey, String id, IssuePatch patch, Long expectedVersion, String actor) {
    IssuePatch checked = PatchValidation.validate(patch);
    return mutate(
            projectKey,
            List.of(id),
            expectedVersion,
            actor,
            (editor, issue) -> editor.apply(issue, checked))
        .get(0);
  }

  /** Applies one patch to many issues in one transaction: all of them change, or none. */
  public List<Issue> bulkUpdate(
      String projectKey, List<String> ids, IssuePatch patch, String actor) {
    IssuePatch checked = PatchValidation.validate(patch);
    return mutate(projectKey, ids, null, actor, (editor, issue) -> editor.apply(issue, checked));
  }

  /**
   * Closes every issue in {@code ids} with one reason, all or nothing; closed ones stay as they
   * are.
   */
  public List<Issue> close(String projectKey, List<String> ids, String reason, String actor) {
    String checkedReason = Validation.closeReason(reason);
    return mutate(
        projectKey,
        ids,
        null,
        actor,
        (editor, issue) ->
            editor.touch(issue, editor.setStatus(issue, Status.CLOSED, checkedReason)));
  }

  public List<Issue> reopen(String projectKey, List<String> ids, String actor) {
    return mutate(
        projectKey,
        ids,
        null,
        actor,
        (editor, issue) ->
            issue.getStatus() == Status.CLOSED
                && editor.touch(issue, editor.setStatus(issue, Status.OPEN, null)));
  }

  public Issue addLabels(String projectKey, String id, List<String> labels, String actor) {
    List<String> checked = Validation.labels(labels);
    return changeLabels(
        projectKey,
        id,
        actor,
        current -> {
          Set<String> next = new TreeSet<>(current);
          next.addAll(checked);
          return new TreeSet<>(Validation.labels(List.copyOf(next)));
        });
  }

  public Issue removeLabels(String projectKey, String id, List<String> labels, String actor) {
    List<String> checked = Validation.labels(labels);
    return changeLabels(
        projectKey,
        id,
        actor,
        current -> {
          Set<String> next = new TreeSet<>(current);
          checked.forEach(next::remove);
          return next;
        });
  }

  public Issue setLabels(String projectKey, String id, List<String> labels, String actor) {
    Set<String> checked = new TreeSet<>(Validation.labels(labels));
    return changeLabels(projectKey, id, actor, current -> checked);
  }

  private Issue changeLabels(
      String projectKey,
      String id,
      String actor,
      java.util.function.UnaryOperator<Set<String>> change) {
    return mutate(
            projectKey,
            List.of(id),
            null,
            actor,
            (editor, issue) ->
                editor.touch(issue, editor.setLabels(issue, change.apply(issue.getLabels()))))
        .get(0);
  }

  /**
   * Deletes an issue, keeping a tombstone so that the deletion reaches other clones through sync.
   * Its dependencies go, and its children lose their parent.
   */
  public Issue delete(String projectKey, String id, Long expectedVersion, String actor) {
    return mutate(
            projectKey,
            List.of(id),
            expectedVersion,
            actor,
            (editor, issue) -> {
              Session session = editor.session();
              for (IssueEntity child : children(session, issue.getId())) {
                editor.touch(child, editor.setParent(child, ""));
              }
              dependencies.removeAllOf(session, editor.history(), issue.getId());
              issue.setDeletedAt(editor.history().at());
              editor.history().record(issue.getId(), EventKind.DELETED);
              return editor.touch(issue, true);
            })
        .get(0);
  }

  @FunctionalInterface
  interface Mutation {
    boolean apply(IssueEditor editor, IssueEntity issue);
  }

  private List<Issue> mutate(
      String projectKey, List<String> ids, Long expectedVersion, String actor, Mutation mutation) {
    String who = Validation.name("actor", actor);
    Set<String> typed = uniqueIds(ids);
    return database.write(
        session -> {
          ProjectEntity project = lookup.project(session, projectKey);
          History history = new History(session, who, now());
          IssueEditor editor = new IssueEditor(session, lookup, history, project);
          List<IssueEntity> issues = new ArrayList<>();
          for (String id : typed) {
            issues.add(lookup.issue(session, project, id));
          }
          boolean changed = false;
          for (IssueEntity issue : issues) {
            checkVersion(issue, expectedVersion);
            changed |= mutation.apply(editor, issue);
          }
          if (changed) {
            History.bumpProject(session, project.getId());
            session.flush();
          }
          List<Issue> result = new ArrayList<>(issues.size());
          for (IssueEntity issue : issues) {
            result.add(IssueRows.toIssue(issue, keyOf(session, issue)));
          }
          return result;
        });
  }

  private static Set<String> uniqueIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw TrackerException.invalid("ids", "at least one issue id is required");
    }
    if (ids.size() > Limits.BULK_MAX_IDS) {
      throw TrackerException.invalid(
          "ids", "at most " + Limits.BULK_MAX_IDS + " issues per request (got " + ids.size() + ")");
    }
    return new LinkedHashSet<>(ids);
  }

  private static void checkVersion(IssueEntity issue, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != issue.getVersion()) {
      throw new TrackerException(
          ErrorCode.VERSION_CONFLICT,
          "issue "
              + issue.getId()
              + " is at version "
              + issue.getVersion()
              + ", not "
              + expectedVersion
              + "; reload it and retry");
    }
  }

  private String newId(Session session, ProjectEntity project) {
    long existing = project.getIssueCount();
    for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      // Past a few clashes the project is denser than its length assumed: lengthen the id.
      String id = IssueIds.newIssueId(project.getKey(), existing * (1L << attempt), random);
      if (session.find(IssueEntity.class, id) == null) {
        return id;
      }
    }
    throw new TrackerException(ErrorCode.INTERNAL, "could not find a free issue id");
  }

  private static List<IssueEntity> children(Session session, String parentId) {
    return session
        .createNativeQuery(
            "SELECT * FROM issue WHERE parent_id = :parent AND deleted_at IS NULL",
            IssueEntity.class)
        .setParameter("parent", parentId)
        .getResultList();
  }

  static String keyOf(Session session, IssueEntity issue) {
    return session
        .find(dev.tracker.daemon.storage.ProjectEntity.class, issue.getProjectId())
        .getKey();
  }

  private java.time.Instant now() {
    return InstantText.truncate(clock.instant());
  }
}
