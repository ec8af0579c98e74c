package dev.tracker.core.api;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.util.List;

/**
 * Changes to an issue. A {@code null} field is left as it is; an empty string clears {@code
 * description}, {@code assignee} or {@code parent}; {@code labels}, when present, replaces the
 * whole set. Setting status to closed closes the issue (with {@code closeReason}); moving it away
 * from closed reopens it.
 */
public record IssuePatch(
    String title,
    String description,
    Status status,
    Priority priority,
    IssueType type,
    String assignee,
    String parent,
    List<String> labels,
    String closeReason) {

  public static final IssuePatch EMPTY =
      new IssuePatch(null, null, null, null, null, null, null, null, null);

  public IssuePatch withTitle(String value) {
    return new IssuePatch(
        value, description, status, priority, type, assignee, parent, labels, closeReason);
  }

  public IssuePatch withDescription(String value) {
    return new IssuePatch(
        title, value, status, priority, type, assignee, parent, labels, closeReason);
  }

  public IssuePatch withStatus(Status value) {
    return new IssuePatch(
        title, description, value, priority, type, assignee, parent, labels, closeReason);
  }

  public IssuePatch withPriority(Priority value) {
    return new IssuePatch(
        title, description, status, value, type, assignee, parent, labels, closeReason);
  }

  public IssuePatch withType(IssueType value) {
    return new IssuePatch(
        title, description, status, priority, value, assignee, parent, labels, closeReason);
  }

  public IssuePatch withAssignee(String value) {
    return new IssuePatch(
        title, description, status, priority, type, value, parent, labels, closeReason);
  }

  public IssuePatch withParent(String value) {
    return new IssuePatch(
        title, description, status, priority, type, assignee, value, labels, closeReason);
  }

  public IssuePatch withLabels(List<String> value) {
    return new IssuePatch(
        title, description, status, priority, type, assignee, parent, value, closeReason);
  }

  public IssuePatch withCloseReason(String value) {
    return new IssuePatch(
        title, description, status, priority, type, assignee, parent, labels, value);
  }
}
