package dev.tracker.daemon.issues;

import dev.tracker.core.api.NewComment;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.id.IssueIds;
import dev.tracker.core.model.Comment;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.CommentEntity;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.IssueEntity;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

public final class CommentService {
  private final Database database;
  private final Clock clock;
  private final RandomGenerator random;
  private final IssueLookup lookup = new IssueLookup();

  CommentService(Database database, Clock clock, RandomGenerator random) {
    this.database = database;
    this.clock = clock;
    this.random = random;
  }

  /** Adds a comment; its author defaults to the actor. */
  public Comment add(String projectKey, String issueId, NewComment comment, String actor) {
    String who = Validation.name("actor", actor);
    String author =
        comment.author() == null || comment.author().isBlank()
            ? who
            : Validation.name("author", comment.author());
    String body = Validation.commentBody(comment.body());
    return database.write(
        session -> {
          IssueEntity issue = lookup.issue(session, projectKey, issueId);
          History history = new History(session, who, InstantText.truncate(clock.instant()));
          CommentEntity entity =
              new CommentEntity(
                  IssueIds.newCommentId(random), issue.getId(), author, body, history.at());
          session.persist(entity);
          session.flush();
          history.record(issue.getId(), EventKind.COMMENTED, "comment", null, entity.getId());
          History.bumpProject(session, issue.getProjectId());
          return toComment(entity);
        });
  }

  /** The issue's comments, oldest first. */
  public List<Comment> list(String projectKey, String issueId) {
    return database.read(
        session -> {
          IssueEntity issue = lookup.issue(session, projectKey, issueId);
          return session
              .createNativeQuery(
                  "SELECT * FROM comment WHERE issue_id = :issue ORDER BY created_at, id",
                  CommentEntity.class)
              .setParameter("issue", issue.getId())
              .getResultList()
              .stream()
              .map(CommentService::toComment)
              .toList();
        });
  }

  public Comment delete(String projectKey, String issueId, String commentId, String actor) {
    String who = Validation.name("actor", actor);
    return database.write(
        session -> {
          IssueEntity issue = lookup.issue(session, projectKey, issueId);
          CommentEntity comment =
              commentId == null ? null : session.find(CommentEntity.class, commentId.strip());
          if (comment == null || !comment.getIssueId().equals(issue.getId())) {
            throw TrackerException.notFound(
                "comment '" + commentId + "' on issue " + issue.getId());
          }
          History history = new History(session, who, InstantText.truncate(clock.instant()));
          session.remove(comment);
          history.record(
              issue.getId(), EventKind.COMMENT_DELETED, "comment", comment.getId(), null);
          History.bumpProject(session, issue.getProjectId());
          return toComment(comment);
        });
  }

  private static Comment toComment(CommentEntity entity) {
    return new Comment(
        entity.getId(),
        entity.getIssueId(),
        entity.getAuthor(),
        entity.getBody(),
        entity.getCreatedAt());
  }
}
