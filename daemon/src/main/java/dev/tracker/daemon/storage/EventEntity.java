package dev.tracker.daemon.storage;

import dev.tracker.core.model.EventKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "event")
public class EventEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "issue_id", nullable = false, updatable = false)
  private String issueId;

  @Column(nullable = false, updatable = false)
  private EventKind kind;

  @Column(updatable = false)
  private String field;

  @Column(name = "old_value", updatable = false)
  private String oldValue;

  @Column(name = "new_value", updatable = false)
  private String newValue;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private Instant at;

  protected EventEntity() {}

  public EventEntity(
      String issueId,
      EventKind kind,
      String field,
      String oldValue,
      String newValue,
      String actor,
      Instant at) {
    this.issueId = issueId;
    this.kind = kind;
    this.field = field;
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.actor = actor;
    this.at = at;
  }

  public Long getId() {
    return id;
  }

  public String getIssueId() {
    return issueId;
  }

  public EventKind getKind() {
    return kind;
  }

  public String getField() {
    return field;
  }

  public String getOldValue() {
    return oldValue;
  }

  public String getNewValue() {
    return newValue;
  }

  public String getActor() {
    return actor;
  }

  public Instant getAt() {
    return at;
  }
}
