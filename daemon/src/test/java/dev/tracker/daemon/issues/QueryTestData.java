package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the read-side tests: issue drafts, writes through the store, error checks. */
final class QueryTestData {
  static final String KEY = StoreFixture.KEY;
  static final String ACTOR = StoreFixture.ACTOR;

  private QueryTestData() {}

  static Draft draft(String title) {
    return new Draft(title);
  }

  static List<String> ids(List<Issue> issues) {
    return issues.stream().map(Issue::id).toList();
  }

  static Issue update(StoreFixture f, Issue issue, IssuePatch patch) {
    f.tick();
    return f.store.issues().update(KEY, issue.id(), patch, null, ACTOR);
  }

  static Issue close(StoreFixture f, Issue issue) {
    f.tick();
    return f.store.issues().close(KEY, List.of(issue.id()), "done", ACTOR).get(0);
  }

  static Issue reopen(StoreFixture f, Issue issue) {
    f.tick();
    return f.store.issues().reopen(KEY, List.of(issue.id()), ACTOR).get(0);
  }

  static Issue delete(StoreFixture f, Issue issue) {
    f.tick();
    return f.store.issues().delete(KEY, issue.id(), null, ACTOR);
  }

  /** Records "{@code issue} depends on {@code target}" with {@code kind}. */
  static void depend(StoreFixture f, Issue issue, Issue target, DependencyKind kind) {
    f.tick();
    f.store.dependencies().add(KEY, issue.id(), target.id(), kind, ACTOR);
  }

  /** Records that {@code blocker} blocks {@code blocked}. */
  static void block(StoreFixture f, Issue blocked, Issue blocker) {
    depend(f, blocked, blocker, DependencyKind.BLOCKS);
  }

  /** The {@link TrackerException} that {@code call} throws; fails when it throws nothing else. */
  static TrackerException failure(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(TrackerException.class);
    return (TrackerException) thrown;
  }

  /** Asserts that {@code call} fails validation of {@code field}, naming it in the message. */
  static TrackerException assertInvalid(String field, ThrowingCallable call) {
    TrackerException e = failure(call);
    assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(field);
    return e;
  }

  /** Asserts that {@code call} fails with {@code code}. */
  static TrackerException assertFails(ErrorCode code, ThrowingCallable call) {
    TrackerException e = failure(call);
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    return e;
  }

  /** An {@link IssueDraft} built field by field. */
  static final class Draft {
    private final String title;
    private String description;
    private Status status;
    private Priority priority;
    private IssueType type;
    private String assignee;
    private List<String> labels;
    private String parent;

    private Draft(String title) {
      this.title = title;
    }

    Draft description(String value) {
      this.description = value;
      return this;
    }

    Draft status(Status value) {
      this.status = value;
      return this;
    }

    Draft priority(Priority value) {
      this.priority = value;
      return this;
    }

    Draft type(IssueType value) {
      this.type = value;
      return this;
    }

    Draft assignee(String value) {
      this.assignee = value;
      return this;
    }

    Draft labels(String... values) {
      this.labels = Arrays.asList(values);
      return this;
    }

    Draft parent(String value) {
      this.parent = value;
      return this;
    }

    IssueDraft build() {
      return new IssueDraft(
          title, description, status, priority, type, assignee, labels, parent, null);
    }

    /** Creates the issue through the fixture, one second after the previous one. */
    Issue create(StoreFixture f) {
      return f.create(build());
    }
  }
}
