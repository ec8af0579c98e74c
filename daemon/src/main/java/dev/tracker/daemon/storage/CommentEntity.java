package dev.tracker.daemon.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "comment")
public class CommentEntity {
  @Id private String id;

  @Column(name = "issue_id", nullable = false, updatable = false)
  private String issueId;

  @Column(nullable = false, updatable = false)
  private String author;

  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CommentEntity() {}

  public CommentEntity(String id, String issueId, String author, String body, Instant createdAt) {
    this.id = id;
    this.issueId = issueId;
    this.author = author;
    this.body = body;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public String getIssueId() {
    return issueId;
  }

  public String getAuthor() {
    return author;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
