package dev.tracker.daemon.issues;

import dev.tracker.core.model.EventKind;
import dev.tracker.daemon.storage.EventEntity;
import java.time.Instant;
import org.hibernate.Session;

/**
 * Records what a write changed: one event per change, and one bump of the project's change counter
 * per write, which the sync loop compares to skip unchanged projects.
 */
final class History {
  private final Session session;
  private final String actor;
  private final Instant at;

  History(Session session, String actor, Instant at) {
    this.session = session;
    this.actor = actor;
    this.at = at;
  }

  Instant at() {
    return at;
  }

  String actor() {
    return actor;
  }

  void record(String issueId, EventKind kind, String field, String from, String to) {
    session.persist(new EventEntity(issueId, kind, field, from, to, actor, at));
  }

  void record(String issueId, EventKind kind) {
    record(issueId, kind, null, null, null);
  }

  static void bumpProject(Session session, long projectId) {
    session
        .createNativeMutationQuery(
            "UPDATE project SET change_count = change_count + 1 WHERE id = :id")
        .setParameter("id", projectId)
        .executeUpdate();
  }
}
