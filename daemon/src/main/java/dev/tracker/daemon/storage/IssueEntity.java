package dev.tracker.daemon.storage;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/**
 * The mutable row behind an issue. Its {@code version} is the optimistic lock exposed as the HTTP
 * ETag; label changes count as changes of the issue and bump it too.
 */
@Entity
@Table(name = "issue")
public class IssueEntity {
  @Id private String id;

  @Column(name = "project_id", nullable = false, updatable = false)
  private long projectId;

  @Column(nullable = false)
  private String title;

  private String description;

  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private Priority priority;

  @Column(nullable = false)
  private IssueType type;

  private String assignee;

  @Column(name = "parent_id")
  private String parentId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "close_reason")
  private String closeReason;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Version private long version;

  @ElementCollection
  @CollectionTable(name = "label", joinColumns = @JoinColumn(name = "issue_id"))
  @Column(name = "name", nullable = false)
  @BatchSize(size = 100)
  private Set<String> labels = new TreeSet<>();

  protected IssueEntity() {}

  public IssueEntity(String id, long projectId, Instant createdAt) {
    this.id = id;
    this.projectId = projectId;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public long getProjectId() {
    return projectId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public IssueType getType() {
    return type;
  }

  public void setType(IssueType type) {
    this.type = type;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getParentId() {
    return parentId;
  }

  public void setParentId(String parentId) {
    this.parentId = parentId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public void setClosedAt(Instant closedAt) {
    this.closedAt = closedAt;
  }

  public String getCloseReason() {
    return closeReason;
  }

  public void setCloseReason(String closeReason) {
    this.closeReason = closeReason;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(Instant deletedAt) {
    this.deletedAt = deletedAt;
  }

  public long getVersion() {
    return version;
  }

  public Set<String> getLabels() {
    return labels;
  }
}
