package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One issue as the API and the sync file show it. {@code labels} are sorted; {@code deletedAt} is
 * set only on tombstones, which the store keeps so that a deletion can travel through sync.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Issue(
    String id,
    String project,
    String title,
    String description,
    Status status,
    Priority priority,
    IssueType type,
    String assignee,
    List<String> labels,
    String parent,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    String closeReason,
    Instant deletedAt,
    long version) {

  public Issue {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
