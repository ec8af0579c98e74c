package dev.tracker.daemon.sync.jsonl;

import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test issues: a builder with quiet defaults, and times as seconds after a fixed instant. */
final class Lines {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000Z");

  private Lines() {}

  /** {@code seconds} after 2026-03-01T10:00:00Z. */
  static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  static Builder issue(String id) {
    return new Builder(id);
  }

  static Builder from(IssueLine line) {
    return new Builder(line);
  }

  static String text(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static final class Builder {
    private final String id;
    private String title;
    private String description;
    private Status status = Status.OPEN;
    private Priority priority = Priority.MEDIUM;
    private IssueType type = IssueType.TASK;
    private String assignee;
    private final List<String> labels = new ArrayList<>();
    private String parent;
    private Instant createdAt = T0;
    private Instant updatedAt = T0;
    private Instant closedAt;
    private String closeReason;
    private Instant deletedAt;
    private final List<DependencyLine> dependencies = new ArrayList<>();
    private final List<CommentLine> comments = new ArrayList<>();

    Builder(String id) {
      this.id = id;
      this.title = "Issue " + id;
    }

    Builder(IssueLine line) {
      id = line.id();
      title = line.title();
      description = line.description();
      status = line.status();
      priority = line.priority();
      type = line.type();
      assignee = line.assignee();
      labels.addAll(line.labels());
      parent = line.parent();
      createdAt = line.createdAt();
      updatedAt = line.updatedAt();
      closedAt = line.closedAt();
      closeReason = line.closeReason();
      deletedAt = line.deletedAt();
      dependencies.addAll(line.dependencies());
      comments.addAll(line.comments());
    }

    Builder title(String value) {
      title = value;
      return this;
    }

    Builder description(String value) {
      description = value;
      return this;
    }

    Builder status(Status value) {
      status = value;
      if (value != Status.CLOSED) {
        closedAt = null;
        closeReason = null;
      }
      return this;
    }

    Builder closed(int at, String reason) {
      status = Status.CLOSED;
      closedAt = t(at);
      closeReason = reason;
      return this;
    }

    Builder priority(int level) {
      priority = Priority.of(level);
      return this;
    }

    Builder type(IssueType value) {
      type = value;
      return this;
    }

    Builder assignee(String value) {
      assignee = value;
      return this;
    }

    Builder labels(String... values) {
      labels.addAll(List.of(values));
      return this;
    }

    Builder withoutLabel(String value) {
      labels.remove(value);
      return this;
    }

    Builder parent(String value) {
      parent = value;
      return this;
    }

    Builder created(int at) {
      createdAt = t(at);
      return this;
    }

    Builder created(Instant at) {
      createdAt = at;
      return this;
    }

    Builder updated(Instant at) {
      updatedAt = at;
      return this;
    }

    Builder updated(int at) {
      updatedAt = t(at);
      return this;
    }

    /** A tombstone deleted at {@code at}, which (as the store does) is also its updatedAt. */
    Builder deleted(int at) {
      deletedAt = t(at);
      updatedAt = t(at);
      return this;
    }

    /** No longer a tombstone. */
    Builder restored() {
      deletedAt = null;
      return this;
    }

    Builder dependsOn(String target, DependencyKind kind) {
      dependencies.add(new DependencyLine(target, kind));
      return this;
    }

    Builder withoutDependency(String target, DependencyKind kind) {
      dependencies.remove(new DependencyLine(target, kind));
      return this;
    }

    Builder comment(String commentId, String author, String body, int at) {
      comments.add(new CommentLine(commentId, author, body, t(at)));
      return this;
    }

    Builder withoutComment(String commentId) {
      comments.removeIf(c -> c.id().equals(commentId));
      return this;
    }

    IssueLine build() {
      return new IssueLine(
          id,
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
          dependencies,
          comments);
    }
  }
}
