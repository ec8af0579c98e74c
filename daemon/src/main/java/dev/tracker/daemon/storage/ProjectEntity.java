package dev.tracker.daemon.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "project")
public class ProjectEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "key", nullable = false, updatable = false)
  private String key;

  @Column(nullable = false)
  private String name;

  private String root;

  @Column(name = "change_count", nullable = false)
  private long changeCount;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Maintained by a database trigger on every issue insert; never written from here. */
  @Column(name = "issue_count", insertable = false, updatable = false)
  private long issueCount;

  protected ProjectEntity() {}

  public ProjectEntity(String key, String name, String root, Instant createdAt) {
    this.key = key;
    this.name = name;
    this.root = root;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getKey() {
    return key;
  }

  public String getName() {
    return name;
  }

  public String getRoot() {
    return root;
  }

  public long getChangeCount() {
    return changeCount;
  }

  public long getIssueCount() {
    return issueCount;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
