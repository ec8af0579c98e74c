package dev.tracker.daemon.sync.jsonl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Comment;
import dev.tracker.core.model.Dependency;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Exactly what one line of {@code .tracker/issues.jsonl} holds: one issue with its labels,
 * dependencies and comments.
 *
 * <p>Not here: the project key (the file lives in the project's repository, so it is implied) and
 * the local version (an optimistic lock that is meaningful only in one database; syncing it would
 * make every merge a conflict).
 *
 * <p>The constructor puts the collections in file order, so that two lines with the same content
 * are equal and serialise to the same bytes: labels sorted and unique, dependencies sorted by
 * {@code dependsOn} then kind and unique, comments sorted by {@code createdAt} then id. Times are
 * kept to the millisecond, the precision the file stores. Values are not validated here; {@link
 * JsonlCodec#read} validates what it reads.
 */
@JsonPropertyOrder({
  "id",
  "title",
  "description",
  "status",
  "priority",
  "type",
  "assignee",
  "labels",
  "parent",
  "createdAt",
  "updatedAt",
  "closedAt",
  "closeReason",
  "deletedAt",
  "dependencies",
  "comments"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueLine(
    String id,
    String title,
    String description,
    Status status,
    Priority priority,
    IssueType type,
    String assignee,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> labels,
    String parent,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    String closeReason,
    Instant deletedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DependencyLine> dependencies,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CommentLine> comments) {

  public IssueLine {
    labels = List.copyOf(new TreeSet<>(noNulls("labels", labels)));
    TreeSet<DependencyLine> uniqueDependencies = new TreeSet<>(DependencyLine.ORDER);
    uniqueDependencies.addAll(noNulls("dependencies", dependencies));
    dependencies = List.copyOf(uniqueDependencies);
    List<CommentLine> sortedComments = new ArrayList<>(noNulls("comments", comments));
    sortedComments.sort(CommentLine.ORDER);
    comments = List.copyOf(sortedComments);
    createdAt = millis(createdAt);
    updatedAt = millis(updatedAt);
    closedAt = millis(closedAt);
    deletedAt = millis(deletedAt);
  }

  /**
   * The line for {@code issue}. {@code dependencies} are the issue's own ("this issue depends on
   * ..."); parent-child edges among them are skipped because the {@code parent} field carries the
   * parent. {@code comments} are the issue's comments.
   *
   * @throws IllegalArgumentException if a dependency or a comment belongs to another issue
   */
  public static IssueLine of(
      Issue issue, Collection<Dependency> dependencies, Collection<Comment> comments) {
    List<DependencyLine> edges = new ArrayList<>();
    for (Dependency dependency : dependencies) {
      if (!issue.id().equals(dependency.issue())) {
        throw new IllegalArgumentException(
            "dependency of " + dependency.issue() + " given for " + issue.id());
      }
      if (dependency.kind() != DependencyKind.PARENT_CHILD) {
        edges.add(new DependencyLine(dependency.dependsOn(), dependency.kind()));
      }
    }
    List<CommentLine> notes = new ArrayList<>();
    for (Comment comment : comments) {
      if (!issue.id().equals(comment.issueId())) {
        throw new IllegalArgumentException(
            "comment of " + comment.issueId() + " given for " + issue.id());
      }
      notes.add(
          new CommentLine(comment.id(), comment.author(), comment.body(), comment.createdAt()));
    }
    return new IssueLine(
        issue.id(),
        issue.title(),
        issue.description(),
        issue.status(),
        issue.priority(),
        issue.type(),
        issue.assignee(),
        issue.labels(),
        issue.parent(),
        issue.createdAt(),
        issue.updatedAt(),
        issue.closedAt(),
        issue.closeReason(),
        issue.deletedAt(),
        edges,
        notes);
  }

  /** This line as an issue of {@code project} at local {@code version}. */
  public Issue toIssue(String project, long version) {
    return new Issue(
        id,
        project,
        title,
        description,
        status,
        priority,
        type,
        assignee,
        labels,
        parent,
        createdAt,
        updatedAt,
        closedAt,
        closeReason,
        deletedAt,
        version);
  }

  /** The dependencies as core records; the parent, if any, is not among them. */
  public List<Dependency> toDependencies() {
    return dependencies.stream().map(d -> new Dependency(id, d.dependsOn(), d.kind())).toList();
  }

  /** The comments as core records, in file order. */
  public List<Comment> toComments() {
    return comments.stream()
        .map(c -> new Comment(c.id(), id, c.author(), c.body(), c.createdAt()))
        .toList();
  }

  private static <T> Collection<T> noNulls(String field, Collection<T> values) {
    if (values == null) {
      return List.of();
    }
    for (T value : values) {
      if (value == null) {
        throw TrackerException.invalid(field, "must not contain null");
      }
    }
    return values;
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
