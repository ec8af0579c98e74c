package dev.tracker.core.api;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.time.Instant;
import java.util.Set;

/**
 * A filtered, sorted page of issues. Every filter is optional and they combine with AND. {@code
 * statuses} empty means every status; {@code unassigned} selects issues with no assignee; {@code
 * allLabels} requires every label, {@code anyLabels} at least one. {@code cursor} is the {@code
 * nextCursor} of the previous page, used with the same filters and sort.
 */
public record IssueQuery(
    Set<Status> statuses,
    Priority minPriority,
    Priority maxPriority,
    IssueType type,
    String assignee,
    boolean unassigned,
    Set<String> allLabels,
    Set<String> anyLabels,
    String parent,
    Instant createdSince,
    Instant createdBefore,
    Instant updatedSince,
    Instant updatedBefore,
    String text,
    IssueSort sort,
    Integer limit,
    String cursor) {

  public IssueQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    allLabels = allLabels == null ? Set.of() : Set.copyOf(allLabels);
    anyLabels = anyLabels == null ? Set.of() : Set.copyOf(anyLabels);
    sort = sort == null ? IssueSort.PRIORITY : sort;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds queries in code (tests, the CLI); the HTTP API fills the record from JSON. */
  public static final class Builder {
    private Set<Status> statuses = Set.of();
    private Priority minPriority;
    private Priority maxPriority;
    private IssueType type;
    private String assignee;
    private boolean unassigned;
    private Set<String> allLabels = Set.of();
    private Set<String> anyLabels = Set.of();
    private String parent;
    private Instant createdSince;
    private Instant createdBefore;
    private Instant updatedSince;
    private Instant updatedBefore;
    private String text;
    private IssueSort sort = IssueSort.PRIORITY;
    private Integer limit;
    private String cursor;

    public Builder statuses(Status... values) {
      this.statuses = Set.of(values);
      return this;
    }

    public Builder priorities(Priority min, Priority max) {
      this.minPriority = min;
      this.maxPriority = max;
      return this;
    }

    public Builder type(IssueType value) {
      this.type = value;
      return this;
    }

    public Builder assignee(String value) {
      this.assignee = value;
      return this;
    }

    public Builder unassigned() {
      this.unassigned = true;
      return this;
    }

    public Builder allLabels(String... values) {
      this.allLabels = Set.of(values);
      return this;
    }

    public Builder anyLabels(String... values) {
      this.anyLabels = Set.of(values);
      return this;
    }

    public Builder parent(String value) {
      this.parent = value;
      return this;
    }

    public Builder created(Instant since, Instant before) {
      this.createdSince = since;
      this.createdBefore = before;
      return this;
    }

    public Builder updated(Instant since, Instant before) {
      this.updatedSince = since;
      this.updatedBefore = before;
      return this;
    }

    public Builder text(String value) {
      this.text = value;
      return this;
    }

    public Builder sort(IssueSort value) {
      this.sort = value;
      return this;
    }

    public Builder limit(Integer value) {
      this.limit = value;
      return this;
    }

    public Builder cursor(String value) {
      this.cursor = value;
      return this;
    }

    public IssueQuery build() {
      return new IssueQuery(
          statuses,
          minPriority,
          maxPriority,
          type,
          assignee,
          unassigned,
          allLabels,
          anyLabels,
          parent,
          createdSince,
          createdBefore,
          updatedSince,
          updatedBefore,
          text,
          sort,
          limit,
          cursor);
    }
  }
}
