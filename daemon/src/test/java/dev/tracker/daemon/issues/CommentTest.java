package dev.tracker.daemon.issues;

import static dev.tracker.daemon.issues.IssueWriteTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.api.NewComment;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Comment;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Issue;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentTest {
  @TempDir Path dir;
  StoreFixture f;
  CommentService comments;

  @BeforeEach
  void open() {
    f = new StoreFixture(dir);
    comments = f.store.comments();
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void addListAndDelete() {
    Issue issue = f.create("Discussed");
    f.tick();
    Comment first = comments.add("trk", issue.id(), new NewComment(null, "first"), "bob");
    f.tick();
    Comment second =
        comments.add("trk", issue.id(), new NewComment("carol", "**second**\nline"), "bob");

    assertThat(first.id()).matches("[0-9a-z]{12}");
    assertThat(first.author()).isEqualTo("bob");
    assertThat(second.author()).isEqualTo("carol");
    assertThat(comments.list("trk", issue.id())).containsExactly(first, second);

    assertThat(comments.delete("trk", issue.id(), first.id(), "bob")).isEqualTo(first);
    assertThat(comments.list("trk", issue.id())).containsExactly(second);
    assertThat(f.store.queries().history("trk", issue.id()))
        .extracting(e -> e.kind())
        .containsExactly(
            EventKind.CREATED, EventKind.COMMENTED, EventKind.COMMENTED, EventKind.COMMENT_DELETED);
  }

  @Test
  void invalidCommentsAreRefused() {
    Issue issue = f.create("Quiet");
    assertInvalid(
        () -> comments.add("trk", issue.id(), new NewComment(null, " \n "), "bob"), "body");
    assertInvalid(() -> comments.add("trk", issue.id(), new NewComment(null, null), "bob"), "body");
    assertInvalid(
        () ->
            comments.add("trk", issue.id(), new NewComment(null, "é".repeat(32 * 1024 + 1)), "bob"),
        "body");
    assertInvalid(
        () -> comments.add("trk", issue.id(), new NewComment("a\u0000b", "x"), "bob"), "author");
    assertThat(comments.list("trk", issue.id())).isEmpty();
  }

  @Test
  void deletingACommentOfAnotherIssueIsNotFound() {
    Issue a = f.create("A");
    Issue b = f.create("B");
    Comment comment = comments.add("trk", a.id(), new NewComment(null, "on a"), "bob");
    assertThatThrownBy(() -> comments.delete("trk", b.id(), comment.id(), "bob"))
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(comments.list("trk", a.id())).hasSize(1);
  }
}
