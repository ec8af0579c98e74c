package dev.tracker.daemon.issues;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Status;
import dev.tracker.daemon.storage.IssueEntity;
import dev.tracker.daemon.storage.ProjectEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Applies validated changes to one issue inside a write transaction, recording an event for each
 * field that really changes. Writes that change nothing leave the issue, its version and its
 * history untouched.
 */
final class IssueEditor {
  private static final int MAX_PARENT_DEPTH = 1000;

  private final Session session;
  private final IssueLookup lookup;
  private final History history;
  private final ProjectEntity project;

  IssueEditor(Session session, IssueLookup lookup, History history, ProjectEntity project) {
    this.session = session;
    this.lookup = lookup;
    this.history = history;
    this.project = project;
  }

  Session session() {
    return session;
  }

  History history() {
    return history;
  }

  /** Applies a patch from {@link PatchValidation}; returns whether anything changed. */
  boolean apply(IssueEntity issue, IssuePatch patch) {
    boolean changed = false;
    if (patch.title() != null) {
      changed |= setField(issue, "title", issue.getTitle(), patch.title(), issue::setTitle);
    }
    if (patch.description() != null) {
      changed |=
          setField(
              issue,
              "description",
              issue.getDescription(),
              emptyToNull(patch.description()),
              issue::setDescription);
    }
    if (patch.priority() != null && patch.priority() != issue.getPriority()) {
      history.record(
          issue.getId(),
          EventKind.UPDATED,
          "priority",
          String.valueOf(issue.getPriority().level()),
          String.valueOf(patch.priority().level()));
      issue.setPriority(patch.priority());
      changed = true;
    }
    if (patch.type() != null && patch.type() != issue.getType()) {
      history.record(
          issue.getId(), EventKind.UPDATED, "type", issue.getType().wire(), patch.type().wire());
      issue.setType(patch.type());
      changed = true;
    }
    if (patch.assignee() != null) {
      changed |=
          setField(
              issue,
              "assignee",
              issue.getAssignee(),
              emptyToNull(patch.assignee()),
              issue::setAssignee);
    }
    if (patch.parent() != null) {
      changed |= setParent(issue, patch.parent());
    }
    if (patch.labels() != null) {
      changed |= setLabels(issue, new TreeSet<>(patch.labels()));
    }
    if (patch.status() != null) {
      changed |= setStatus(issue, patch.status(), patch.closeReason());
    }
    return touch(issue, changed);
  }

  boolean setStatus(IssueEntity issue, Status status, String closeReason) {
    Status old = issue.getStatus();
    if (status == old) {
      return false;
    }
    if (status == Status.CLOSED) {
      issue.setClosedAt(history.at());
      issue.setCloseReason(closeReason);
      history.record(issue.getId(), EventKind.CLOSED, "status", old.wire(), status.wire());
    } else if (old == Status.CLOSED) {
      issue.setClosedAt(null);
      issue.setCloseReason(null);
      history.record(issue.getId(), EventKind.REOPENED, "status", old.wire(), status.wire());
    } else {
      history.record(issue.getId(), EventKind.UPDATED, "status", old.wire(), status.wire());
    }
    issue.setStatus(status);
    return true;
  }

  /** Sets or (with an empty string) clears the parent, refusing a parent chain that loops. */
  boolean setParent(IssueEntity issue, String typedParent) {
    String parentId = null;
    if (!typedParent.isEmpty()) {
      IssueEntity parent = lookup.issue(session, project, typedParent);
      if (parent.getId().equals(issue.getId())) {
        throw TrackerException.invalid("parent", "an issue cannot be its own parent");
      }
      List<String> chain = parentChain(parent);
      if (chain.contains(issue.getId())) {
        throw TrackerException.invalid(
            "parent",
            "making "
                + parent.getId()
                + " the parent of "
                + issue.getId()
                + " would loop: "
                + String.join(" -> ", chain));
      }
      parentId = parent.getId();
    }
    if (Objects.equals(parentId, issue.getParentId())) {
      return false;
    }
    String old = issue.getParentId();
    if (old != null) {
      history.record(issue.getId(), EventKind.DEPENDENCY_REMOVED, "parent-child", old, null);
    }
    if (parentId != null) {
      history.record(issue.getId(), EventKind.DEPENDENCY_ADDED, "parent-child", null, parentId);
    }
    issue.setParentId(parentId);
    return true;
  }

  /** Replaces the label set, recording one event per label added or removed. */
  boolean setLabels(IssueEntity issue, Set<String> labels) {
    Set<String> removed = new TreeSet<>(issue.getLabels());
    removed.removeAll(labels);
    Set<String> added = new TreeSet<>(labels);
    added.removeAll(issue.getLabels());
    for (String label : removed) {
      history.record(issue.getId(), EventKind.UNLABELLED, "labels", label, null);
    }
    for (String label : added) {
      history.record(issue.getId(), EventKind.LABELLED, "labels", null, label);
    }
    if (removed.isEmpty() && added.isEmpty()) {
      return false;
    }
    issue.getLabels().removeAll(removed);
    issue.getLabels().addAll(added);
    return true;
  }

  /** Marks a changed issue updated now; the version is bumped by Hibernate at flush. */
  boolean touch(IssueEntity issue, boolean changed) {
    if (changed) {
      issue.setUpdatedAt(history.at());
    }
    return changed;
  }

  private boolean setField(
      IssueEntity issue,
      String field,
      String old,
      String value,
      java.util.function.Consumer<String> setter) {
    if (Objects.equals(old, value)) {
      return false;
    }
    history.record(issue.getId(), EventKind.UPDATED, field, old, value);
    setter.accept(value);
    return true;
  }

  private List<String> parentChain(IssueEntity start) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    IssueEntity current = start;
    while (current != null && chain.size() < MAX_PARENT_DEPTH && seen.add(current.getId())) {
      chain.add(current.getId());
      current =
          current.getParentId() == null
              ? null
              : session.find(IssueEntity.class, current.getParentId());
    }
    return chain;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
