package dev.tracker.core.api;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.util.List;

/**
 * A new issue. Only {@code title} is required: status defaults to open, priority to 2 (medium),
 * type to task. {@code dependencies} are edges from the new issue to existing ones.
 */
public record IssueDraft(
    String title,
    String description,
    Status status,
    Priority priority,
    IssueType type,
    String assignee,
    List<String> labels,
    String parent,
    List<DependencyDraft> dependencies) {

  public IssueDraft {
    labels = labels == null ? List.of() : List.copyOf(labels);
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  public static IssueDraft titled(String title) {
    return new IssueDraft(title, null, null, null, null, null, null, null, null);
  }
}
