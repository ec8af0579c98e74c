package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.api.DependencyDraft;
import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueWriteTest {
  @TempDir Path dir;
  StoreFixture f;
  IssueService issues;

  @BeforeEach
  void open() {
    f = new StoreFixture(dir);
    issues = f.store.issues();
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createAppliesDefaultsAndRecordsCreation() {
    Issue issue = f.create("Write the parser");

    assertThat(issue.id()).matches("trk-[0-9a-z]{4}");
    assertThat(issue.project()).isEqualTo("trk");
    assertThat(issue.status()).isEqualTo(Status.OPEN);
    assertThat(issue.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(issue.type()).isEqualTo(IssueType.TASK);
    assertThat(issue.createdAt()).isEqualTo(f.clock.instant()).isEqualTo(issue.updatedAt());
    assertThat(issue.closedAt()).isNull();
    assertThat(issue.version()).isZero();
    assertThat(issues.get("trk", issue.id())).isEqualTo(issue);
    assertThat(f.store.queries().history("trk", issue.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.CREATED);
              assertThat(e.to()).isEqualTo("Write the parser");
              assertThat(e.actor()).isEqualTo(StoreFixture.ACTOR);
            });
  }

  @Test
  void createWithEveryFieldLabelsParentAndDependencies() {
    Issue epic =
        f.create(new IssueDraft("Epic", null, null, null, IssueType.EPIC, null, null, null, null));
    Issue blocker = f.create("Blocker");
    Issue issue =
        f.create(
            new IssueDraft(
                "  Full issue  ",
                "# Heading\n\nBody",
                Status.IN_PROGRESS,
                Priority.HIGH,
                IssueType.BUG,
                "bob",
                List.of("ui", "backend", "ui"),
                epic.id(),
                List.of(new DependencyDraft(DependencyKind.BLOCKS, blocker.id()))));

    assertThat(issue.title()).isEqualTo("Full issue");
    assertThat(issue.description()).isEqualTo("# Heading\n\nBody");
    assertThat(issue.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(issue.priority()).isEqualTo(Priority.HIGH);
    assertThat(issue.type()).isEqualTo(IssueType.BUG);
    assertThat(issue.assignee()).isEqualTo("bob");
    assertThat(issue.labels()).containsExactly("backend", "ui");
    assertThat(issue.parent()).isEqualTo(epic.id());
    assertThat(f.store.dependencies().of("trk", issue.id()))
        .extracting(d -> d.kind() + ":" + d.dependsOn())
        .containsExactlyInAnyOrder("BLOCKS:" + blocker.id(), "PARENT_CHILD:" + epic.id());
  }

  @Test
  void createdClosedIssueHasClosedAt() {
    Issue issue =
        f.create(
            new IssueDraft(
                "Done already", null, Status.CLOSED, null, null, null, null, null, null));
    assertThat(issue.closedAt()).isEqualTo(issue.createdAt());
  }

  @Test
  void invalidCreateIsRefusedAndWritesNothing() {
    long before = f.store.projects().get("trk").changeCount();
    assertInvalid(() -> f.create(IssueDraft.titled("")), "title");
    assertInvalid(() -> f.create(IssueDraft.titled("x".repeat(501))), "title");
    assertInvalid(() -> f.create(IssueDraft.titled("line\nbreak")), "title");
    assertInvalid(
        () ->
            f.create(
                new IssueDraft(
                    "t", "d".repeat(64 * 1024 + 1), null, null, null, null, null, null, null)),
        "description");
    assertInvalid(
        () ->
            f.create(
                new IssueDraft(
                    "t", null, null, null, null, null, List.of("bad label"), null, null)),
        "labels");
    assertInvalid(
        () ->
            f.create(
                new IssueDraft("t", null, null, null, null, "x".repeat(101), null, null, null)),
        "assignee");
    assertInvalid(() -> issues.create("trk", IssueDraft.titled("t"), " "), "actor");
    assertThatThrownBy(
            () ->
                f.create(new IssueDraft("t", null, null, null, null, null, null, "trk-zzzz", null)))
        .isInstanceOf(TrackerException.class)
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThatThrownBy(() -> issues.create("nope", IssueDraft.titled("t"), "a"))
        .hasMessageContaining("project 'nope' not found");

    assertThat(f.store.queries().list("trk", IssueQuery.builder().build()).items()).isEmpty();
    assertThat(f.store.projects().get("trk").changeCount()).isEqualTo(before);
  }

  @Test
  void updateChangesOnlyWhatDiffersAndRecordsEachField() {
    Issue issue = f.create("Original");
    f.tick();
    Issue updated =
        issues.update(
            "trk",
            issue.id(),
            IssuePatch.EMPTY
                .withTitle("Renamed")
                .withDescription("Now described")
                .withPriority(Priority.CRITICAL)
                .withType(IssueType.FEATURE)
                .withAssignee("carol")
                .withLabels(List.of("a", "b")),
            issue.version(),
            "bob");

    assertThat(updated.title()).isEqualTo("Renamed");
    assertThat(updated.description()).isEqualTo("Now described");
    assertThat(updated.priority()).isEqualTo(Priority.CRITICAL);
    assertThat(updated.type()).isEqualTo(IssueType.FEATURE);
    assertThat(updated.assignee()).isEqualTo("carol");
    assertThat(updated.labels()).containsExactly("a", "b");
    assertThat(updated.version()).isEqualTo(issue.version() + 1);
    assertThat(updated.updatedAt()).isAfter(issue.updatedAt());
    assertThat(f.store.queries().history("trk", issue.id()))
        .filteredOn(e -> e.kind() != EventKind.CREATED)
        .extracting(e -> e.field() + ":" + e.from() + "->" + e.to() + "@" + e.actor())
        .containsExactlyInAnyOrder(
            "title:Original->Renamed@bob",
            "description:null->Now described@bob",
            "priority:2->0@bob",
            "type:task->feature@bob",
            "assignee:null->carol@bob",
            "labels:null->a@bob",
            "labels:null->b@bob");

    Issue same =
        issues.update("trk", issue.id(), IssuePatch.EMPTY.withTitle("Renamed"), null, "bob");
    assertThat(same.version()).isEqualTo(updated.version());
    assertThat(same.updatedAt()).isEqualTo(updated.updatedAt());
  }

  @Test
  void emptyStringClearsOptionalFields() {
    Issue epic = f.create("Epic");
    Issue issue =
        f.create(new IssueDraft("Child", "text", null, null, null, "dave", null, epic.id(), null));
    Issue cleared =
        issues.update(
            "trk",
            issue.id(),
            IssuePatch.EMPTY.withDescription("").withAssignee("").withParent(""),
            null,
            "bob");
    assertThat(cleared.description()).isNull();
    assertThat(cleared.assignee()).isNull();
    assertThat(cleared.parent()).isNull();
  }

  @Test
  void staleVersionIsRefusedWithConflictAndNothingChanges() {
    Issue issue = f.create("Versioned");
    issues.update(
        "trk", issue.id(), IssuePatch.EMPTY.withTitle("First writer"), issue.version(), "a");

    assertThatThrownBy(
            () ->
                issues.update(
                    "trk",
                    issue.id(),
                    IssuePatch.EMPTY.withTitle("Second writer"),
                    issue.version(),
                    "b"))
        .isInstanceOf(TrackerException.class)
        .hasMessageContaining("version 1, not 0")
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.VERSION_CONFLICT);
    assertThat(issues.get("trk", issue.id()).title()).isEqualTo("First writer");
  }

  @Test
  void invalidPatchIsRefusedBeforeAnyChange() {
    Issue issue = f.create("Stable");
    assertInvalid(
        () -> issues.update("trk", issue.id(), IssuePatch.EMPTY.withTitle(" "), null, "a"),
        "title");
    assertInvalid(
        () ->
            issues.update(
                "trk", issue.id(), IssuePatch.EMPTY.withLabels(List.of("ok", "-bad")), null, "a"),
        "labels");
    assertInvalid(
        () -> issues.update("trk", issue.id(), IssuePatch.EMPTY.withParent(issue.id()), null, "a"),
        "parent");
    assertThat(issues.get("trk", issue.id())).isEqualTo(issue);
  }

  @Test
  void parentLoopsAreRefusedWithTheChain() {
    Issue a = f.create("A");
    Issue b = f.create(new IssueDraft("B", null, null, null, null, null, null, a.id(), null));
    Issue c = f.create(new IssueDraft("C", null, null, null, null, null, null, b.id(), null));

    assertThatThrownBy(
            () -> issues.update("trk", a.id(), IssuePatch.EMPTY.withParent(c.id()), null, "x"))
        .isInstanceOf(TrackerException.class)
        .hasMessageContaining(c.id() + " -> " + b.id() + " -> " + a.id());
  }

  @Test
  void closeAndReopenTrackTimesReasonsAndEvents() {
    Issue issue = f.create("Closable");
    f.tick();
    Issue closed = issues.close("trk", List.of(issue.id()), "fixed in abc123", "bob").get(0);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.closedAt()).isEqualTo(f.clock.instant());
    assertThat(closed.closeReason()).isEqualTo("fixed in abc123");

    Issue again = issues.close("trk", List.of(issue.id()), "other", "bob").get(0);
    assertThat(again.version()).isEqualTo(closed.version());

    f.tick();
    Issue reopened = issues.reopen("trk", List.of(issue.id()), "bob").get(0);
    assertThat(reopened.status()).isEqualTo(Status.OPEN);
    assertThat(reopened.closedAt()).isNull();
    assertThat(reopened.closeReason()).isNull();
    assertThat(f.store.queries().history("trk", issue.id()))
        .extracting(e -> e.kind())
        .containsExactly(EventKind.CREATED, EventKind.CLOSED, EventKind.REOPENED);
  }

  @Test
  void statusPatchToClosedClosesAndAwayFromClosedReopens() {
    Issue issue = f.create("Via patch");
    Issue closed =
        issues.update(
            "trk",
            issue.id(),
            IssuePatch.EMPTY.withStatus(Status.CLOSED).withCloseReason("dup"),
            null,
            "a");
    assertThat(closed.closedAt()).isNotNull();
    assertThat(closed.closeReason()).isEqualTo("dup");
    Issue moved =
        issues.update("trk", issue.id(), IssuePatch.EMPTY.withStatus(Status.DEFERRED), null, "a");
    assertThat(moved.closedAt()).isNull();
    assertThat(moved.status()).isEqualTo(Status.DEFERRED);
  }

  @Test
  void bulkCloseIsAllOrNothing() {
    Issue a = f.create("A");
    Issue b = f.create("B");
    assertThatThrownBy(() -> issues.close("trk", List.of(a.id(), b.id(), "trk-none"), null, "x"))
        .isInstanceOf(TrackerException.class);
    assertThat(issues.get("trk", a.id()).status()).isEqualTo(Status.OPEN);
    assertThat(issues.get("trk", b.id()).status()).isEqualTo(Status.OPEN);

    List<Issue> closed = issues.close("trk", List.of(a.id(), b.id(), a.id()), "done", "x");
    assertThat(closed).extracting(Issue::status).containsExactly(Status.CLOSED, Status.CLOSED);
  }

  @Test
  void bulkUpdateIsAllOrNothing() {
    Issue parent = f.create("Parent");
    Issue a = f.create("A");
    Issue b = f.create(new IssueDraft("B", null, null, null, null, null, null, parent.id(), null));
    // Making the parent its own descendant fails on the parent, after a and b were already changed.
    assertThatThrownBy(
            () ->
                issues.bulkUpdate(
                    "trk",
                    List.of(a.id(), parent.id()),
                    IssuePatch.EMPTY.withAssignee("eve").withParent(b.id()),
                    "x"))
        .isInstanceOf(TrackerException.class);
    assertThat(issues.get("trk", a.id()).assignee()).isNull();
    assertThat(issues.get("trk", a.id()).parent()).isNull();

    List<Issue> updated =
        issues.bulkUpdate(
            "trk", List.of(a.id(), b.id()), IssuePatch.EMPTY.withPriority(Priority.LOW), "x");
    assertThat(updated).extracting(Issue::priority).containsOnly(Priority.LOW);
    assertInvalid(() -> issues.bulkUpdate("trk", List.of(), IssuePatch.EMPTY, "x"), "ids");
  }

  @Test
  void labelsAddRemoveAndSet() {
    Issue issue = f.create("Labelled");
    assertThat(issues.addLabels("trk", issue.id(), List.of("b", "a"), "x").labels())
        .containsExactly("a", "b");
    assertThat(issues.addLabels("trk", issue.id(), List.of("a", "c"), "x").labels())
        .containsExactly("a", "b", "c");
    assertThat(issues.removeLabels("trk", issue.id(), List.of("b", "zz"), "x").labels())
        .containsExactly("a", "c");
    assertThat(issues.setLabels("trk", issue.id(), List.of("z"), "x").labels())
        .containsExactly("z");
    assertThat(issues.setLabels("trk", issue.id(), List.of(), "x").labels()).isEmpty();
    List<String> tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "l" + i).toList();
    assertInvalid(() -> issues.addLabels("trk", issue.id(), tooMany, "x"), "labels");
  }

  @Test
  void deleteKeepsATombstoneAndDetachesTheIssue() {
    Issue epic = f.create("Epic");
    Issue child =
        f.create(new IssueDraft("Child", null, null, null, null, null, null, epic.id(), null));
    Issue blocked = f.create("Blocked");
    f.store.dependencies().add("trk", blocked.id(), epic.id(), DependencyKind.BLOCKS, "x");

    Issue tombstone = issues.delete("trk", epic.id(), null, "x");

    assertThat(tombstone.deletedAt()).isNotNull();
    assertThatThrownBy(() -> issues.get("trk", epic.id()))
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(issues.get("trk", child.id()).parent()).isNull();
    assertThat(f.store.dependencies().of("trk", blocked.id())).isEmpty();
    assertThat(f.store.queries().history("trk", epic.id()))
        .extracting(e -> e.kind())
        .endsWith(EventKind.DELETED);
    assertThatThrownBy(() -> issues.delete("trk", epic.id(), null, "x"))
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void everyWriteBumpsTheProjectChangeCounterOnce() {
    long start = f.store.projects().get("trk").changeCount();
    Issue a = f.create("A");
    Issue b = f.create("B");
    issues.update("trk", a.id(), IssuePatch.EMPTY.withTitle("A2"), null, "x");
    issues.close("trk", List.of(a.id(), b.id()), null, "x");
    f.store.comments().add("trk", a.id(), new dev.tracker.core.api.NewComment(null, "hi"), "x");
    assertThat(f.store.projects().get("trk").changeCount()).isEqualTo(start + 5);

    issues.update("trk", a.id(), IssuePatch.EMPTY.withTitle("A2"), null, "x");
    assertThat(f.store.projects().get("trk").changeCount()).isEqualTo(start + 5);
  }

  @Test
  void theProjectIssueCountFollowsEveryInsertIncludingTombstones() {
    Issue a = f.create("A");
    f.create("B");
    issues.delete("trk", a.id(), null, "x");
    long counted =
        f.database.read(
            s ->
                s.createNativeQuery("SELECT issue_count FROM project WHERE key = 'trk'", Long.class)
                    .getSingleResult());
    assertThat(counted).isEqualTo(2);
  }

  @Test
  void idsGrowWithTheProjectAndNeverRepeat() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 300; i++) {
      ids.add(issues.create("trk", IssueDraft.titled("issue " + i), "x").id());
    }
    assertThat(ids).hasSize(300);
    assertThat(ids).anyMatch(id -> id.length() == "trk-".length() + 5);
  }

  static void assertInvalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(TrackerException.class)
        .satisfies(
            e -> {
              TrackerException t = (TrackerException) e;
              assertThat(t.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(t.field()).isEqualTo(field);
              assertThat(t.getMessage()).startsWith(field + ": ");
            });
  }
}
