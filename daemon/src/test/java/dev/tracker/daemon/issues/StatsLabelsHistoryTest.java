package dev.tracker.daemon.issues;

import static dev.tracker.daemon.issues.QueryTestData.ACTOR;
import static dev.tracker.daemon.issues.QueryTestData.KEY;
import static dev.tracker.daemon.issues.QueryTestData.assertFails;
import static dev.tracker.daemon.issues.QueryTestData.assertInvalid;
import static dev.tracker.daemon.issues.QueryTestData.close;
import static dev.tracker.daemon.issues.QueryTestData.delete;
import static dev.tracker.daemon.issues.QueryTestData.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracker.core.api.DayCount;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.LabelCount;
import dev.tracker.core.api.NewComment;
import dev.tracker.core.api.NewProject;
import dev.tracker.core.api.Stats;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.model.Comment;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Event;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Project stats and timeline, label counts, and issue history. */
class StatsLabelsHistoryTest {
  @TempDir Path dir;

  private StoreFixture f;

  @BeforeEach
  void open() {
    f = new StoreFixture(dir);
  }

  @AfterEach
  void closeStore() {
    f.close();
  }

  private Stats stats(Integer days) {
    return f.store.queries().stats(KEY, days);
  }

  /** Moves the clock to {@code at}, which must not be in its past. */
  private void at(String instant) {
    Instant target = Instant.parse(instant);
    assertThat(target).isAfterOrEqualTo(f.clock.instant());
    f.clock.advance(Duration.between(f.clock.instant(), target));
  }

  private Issue createNow(String title) {
    return f.store.issues().create(KEY, draft(title).build(), ACTOR);
  }

  private Issue closeNow(Issue issue) {
    return f.store.issues().close(KEY, List.of(issue.id()), null, ACTOR).get(0);
  }

  // --- stats -------------------------------------------------------------------------------

  @Test
  void statsCountLiveIssuesByStatusPriorityTypeAndAssignee() {
    draft("a").type(IssueType.BUG).priority(Priority.CRITICAL).assignee("bob").create(f);
    draft("b")
        .type(IssueType.BUG)
        .priority(Priority.HIGH)
        .status(Status.IN_PROGRESS)
        .assignee("bob")
        .create(f);
    close(f, draft("c").type(IssueType.FEATURE).create(f));
    f.create("d");
    draft("e")
        .type(IssueType.CHORE)
        .priority(Priority.BACKLOG)
        .status(Status.DEFERRED)
        .assignee("carol")
        .create(f);
    Issue gone =
        draft("gone")
            .type(IssueType.EPIC)
            .priority(Priority.LOW)
            .status(Status.BLOCKED)
            .assignee("dave")
            .create(f);
    delete(f, gone);

    Stats stats = stats(7);
    assertThat(stats.total()).isEqualTo(5);
    assertThat(stats.byStatus())
        .isEqualTo(Map.of("open", 2L, "in_progress", 1L, "closed", 1L, "deferred", 1L));
    assertThat(stats.byPriority()).isEqualTo(Map.of("0", 1L, "1", 1L, "2", 2L, "4", 1L));
    assertThat(stats.byType()).isEqualTo(Map.of("bug", 2L, "feature", 1L, "task", 1L, "chore", 1L));
    assertThat(stats.byAssignee()).isEqualTo(Map.of("", 2L, "bob", 2L, "carol", 1L));
  }

  @Test
  void statsFollowChanges() {
    Issue issue = draft("a").assignee("bob").create(f);
    f.create("b");
    f.tick();
    f.store
        .issues()
        .update(
            KEY,
            issue.id(),
            IssuePatch.EMPTY
                .withAssignee("")
                .withPriority(Priority.LOW)
                .withType(IssueType.BUG)
                .withStatus(Status.BLOCKED),
            null,
            ACTOR);

    Stats stats = stats(null);
    assertThat(stats.total()).isEqualTo(2);
    assertThat(stats.byStatus()).isEqualTo(Map.of("open", 1L, "blocked", 1L));
    assertThat(stats.byPriority()).isEqualTo(Map.of("2", 1L, "3", 1L));
    assertThat(stats.byType()).isEqualTo(Map.of("task", 1L, "bug", 1L));
    assertThat(stats.byAssignee()).isEqualTo(Map.of("", 2L));
  }

  @Test
  void statsOfAnEmptyProjectAreZero() {
    Stats stats = stats(3);

    assertThat(stats.total()).isZero();
    assertThat(stats.byStatus()).isEmpty();
    assertThat(stats.byAssignee()).isEmpty();
    assertThat(stats.timeline())
        .extracting(DayCount::opened, DayCount::closed)
        .containsExactly(tuple(0L, 0L), tuple(0L, 0L), tuple(0L, 0L));
  }

  @Test
  void statsCountOnlyTheirProject() {
    f.store.projects().create(new NewProject("oth", "Other", null));
    f.create("mine");
    f.tick();
    f.store.issues().create("oth", draft("theirs").assignee("zed").build(), ACTOR);
    f.store.issues().create("oth", draft("theirs too").build(), ACTOR);

    assertThat(stats(1).total()).isEqualTo(1);
    assertThat(stats(1).byAssignee()).isEqualTo(Map.of("", 1L));
    assertThat(f.store.queries().stats("oth", 1).total()).isEqualTo(2);
    assertThat(f.store.queries().stats("oth", 1).timeline())
        .containsExactly(new DayCount(LocalDate.parse("2026-03-01"), 2, 0));
  }

  @Test
  void timelineCountsOpenedAndClosedPerUtcDay() {
    TimeZone saved = TimeZone.getDefault();
    // Far from UTC, so that a day taken in the local zone would shift the counts.
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    try {
      at("2026-03-01T10:00:01Z");
      Issue first = createNow("first");
      at("2026-03-02T00:00:00Z");
      Issue second = createNow("second");
      at("2026-03-02T23:59:59.999Z");
      createNow("third");
      closeNow(first);
      at("2026-03-03T23:59:59Z");
      createNow("fourth");
      at("2026-03-04T00:00:00Z");
      closeNow(second);
      at("2026-03-04T12:00:00Z");

      assertThat(stats(4).timeline())
          .containsExactly(
              new DayCount(LocalDate.parse("2026-03-01"), 1, 0),
              new DayCount(LocalDate.parse("2026-03-02"), 2, 1),
              new DayCount(LocalDate.parse("2026-03-03"), 1, 0),
              new DayCount(LocalDate.parse("2026-03-04"), 0, 1));
      assertThat(stats(2).timeline())
          .containsExactly(
              new DayCount(LocalDate.parse("2026-03-03"), 1, 0),
              new DayCount(LocalDate.parse("2026-03-04"), 0, 1));
      assertThat(stats(1).timeline())
          .containsExactly(new DayCount(LocalDate.parse("2026-03-04"), 0, 1));
      assertThat(stats(4).total()).isEqualTo(4);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void timelineDefaultsToThirtyDaysEndingToday() {
    at("2026-03-01T12:00:00Z");
    createNow("old");
    at("2026-04-15T08:00:00Z");
    createNow("today");

    List<DayCount> timeline = stats(null).timeline();
    assertThat(timeline).hasSize(30);
    assertThat(timeline.get(0).day()).isEqualTo(LocalDate.parse("2026-03-17"));
    assertThat(timeline.get(29)).isEqualTo(new DayCount(LocalDate.parse("2026-04-15"), 1, 0));
    assertThat(timeline.stream().mapToLong(DayCount::opened).sum()).isEqualTo(1);
    // The old issue is outside the window but still counted in the totals.
    assertThat(stats(null).total()).isEqualTo(2);
    List<DayCount> year = stats(366).timeline();
    assertThat(year).hasSize(366);
    assertThat(year.get(0).day()).isEqualTo(LocalDate.parse("2025-04-15"));
    assertThat(year.stream().mapToLong(DayCount::opened).sum()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 367, 10_000})
  void timelineDaysOutOfBoundsAreRefused(int days) {
    assertInvalid("days", () -> stats(days));
  }

  // --- labels ------------------------------------------------------------------------------

  @Test
  void labelsAreListedByNameWithTheirIssueCounts() {
    draft("a").labels("backend", "urgent").create(f);
    draft("b").labels("backend").create(f);
    close(f, draft("c").labels("ui").create(f));
    delete(f, draft("d").labels("backend", "legacy").create(f));
    f.create("no labels");

    assertThat(f.store.queries().labels(KEY))
        .containsExactly(
            new LabelCount("backend", 2), new LabelCount("ui", 1), new LabelCount("urgent", 1));
  }

  @Test
  void labelCountsFollowChangesAndStayInTheirProject() {
    f.store.projects().create(new NewProject("oth", "Other", null));
    Issue issue = draft("a").labels("backend", "urgent").create(f);
    f.tick();
    f.store.issues().create("oth", draft("theirs").labels("backend", "theirs").build(), ACTOR);
    f.tick();
    f.store.issues().removeLabels(KEY, issue.id(), List.of("urgent"), ACTOR);
    f.tick();
    f.store.issues().addLabels(KEY, issue.id(), List.of("api"), ACTOR);

    assertThat(f.store.queries().labels(KEY))
        .containsExactly(new LabelCount("api", 1), new LabelCount("backend", 1));
    assertThat(f.store.queries().labels("oth"))
        .containsExactly(new LabelCount("backend", 1), new LabelCount("theirs", 1));
  }

  @Test
  void labelsOfAnEmptyProjectAreEmpty() {
    f.create("no labels");

    assertThat(f.store.queries().labels(KEY)).isEmpty();
  }

  // --- history -----------------------------------------------------------------------------

  @Test
  void historyRecordsEveryChangeWithActorAndTime() {
    Issue blocker = f.create("blocker");
    Issue parent = f.create("parent");
    Issue other = f.create("other");
    Issue issue = f.create("Original");
    Instant created = issue.createdAt();
    String id = issue.id();
    var issues = f.store.issues();

    Instant t1 = step();
    issues.update(KEY, id, IssuePatch.EMPTY.withTitle("Renamed"), null, "bob");
    Instant t2 = step();
    issues.update(KEY, id, IssuePatch.EMPTY.withDescription("some words"), null, "bob");
    Instant t3 = step();
    issues.update(
        KEY,
        id,
        IssuePatch.EMPTY.withPriority(Priority.CRITICAL).withType(IssueType.BUG),
        null,
        "carol");
    Instant t4 = step();
    issues.update(KEY, id, IssuePatch.EMPTY.withAssignee("dave"), null, "carol");
    // Nothing changes: nothing is recorded.
    step();
    issues.update(KEY, id, IssuePatch.EMPTY.withTitle("Renamed").withAssignee("dave"), null, "x");
    Instant t5 = step();
    issues.update(KEY, id, IssuePatch.EMPTY.withStatus(Status.IN_PROGRESS), null, "dave");
    Instant t6 = step();
    issues.close(KEY, List.of(id), "fixed", "dave");
    Instant t7 = step();
    issues.reopen(KEY, List.of(id), "erin");
    Instant t8 = step();
    issues.addLabels(KEY, id, List.of("y", "x"), "erin");
    Instant t9 = step();
    issues.removeLabels(KEY, id, List.of("x"), "erin");
    Instant t10 = step();
    Comment comment = f.store.comments().add(KEY, id, new NewComment(null, "hello"), "frank");
    Instant t11 = step();
    f.store.comments().delete(KEY, id, comment.id(), "frank");
    Instant t12 = step();
    f.store.dependencies().add(KEY, id, blocker.id(), DependencyKind.BLOCKS, "gina");
    Instant t13 = step();
    f.store.dependencies().remove(KEY, id, blocker.id(), DependencyKind.BLOCKS, "gina");
    Instant t14 = step();
    issues.update(KEY, id, IssuePatch.EMPTY.withParent(parent.id()), null, "gina");
    Instant t15 = step();
    f.store.dependencies().add(KEY, id, other.id(), DependencyKind.RELATED, "gina");
    Instant t16 = step();
    issues.update(KEY, id, IssuePatch.EMPTY.withDescription("").withAssignee(""), null, "hal");
    Instant t17 = step();
    issues.delete(KEY, id, null, "hal");

    List<Event> history = f.store.queries().history(KEY, id);
    assertThat(history)
        .extracting(Event::kind, Event::field, Event::from, Event::to, Event::actor, Event::at)
        .containsExactly(
            tuple(EventKind.CREATED, "title", null, "Original", ACTOR, created),
            tuple(EventKind.UPDATED, "title", "Original", "Renamed", "bob", t1),
            tuple(EventKind.UPDATED, "description", null, "some words", "bob", t2),
            tuple(EventKind.UPDATED, "priority", "2", "0", "carol", t3),
            tuple(EventKind.UPDATED, "type", "task", "bug", "carol", t3),
            tuple(EventKind.UPDATED, "assignee", null, "dave", "carol", t4),
            tuple(EventKind.UPDATED, "status", "open", "in_progress", "dave", t5),
            tuple(EventKind.CLOSED, "status", "in_progress", "closed", "dave", t6),
            tuple(EventKind.REOPENED, "status", "closed", "open", "erin", t7),
            tuple(EventKind.LABELLED, "labels", null, "x", "erin", t8),
            tuple(EventKind.LABELLED, "labels", null, "y", "erin", t8),
            tuple(EventKind.UNLABELLED, "labels", "x", null, "erin", t9),
            tuple(EventKind.COMMENTED, "comment", null, comment.id(), "frank", t10),
            tuple(EventKind.COMMENT_DELETED, "comment", comment.id(), null, "frank", t11),
            tuple(EventKind.DEPENDENCY_ADDED, "blocks", null, blocker.id(), "gina", t12),
            tuple(EventKind.DEPENDENCY_REMOVED, "blocks", blocker.id(), null, "gina", t13),
            tuple(EventKind.DEPENDENCY_ADDED, "parent-child", null, parent.id(), "gina", t14),
            tuple(EventKind.DEPENDENCY_ADDED, "related", null, other.id(), "gina", t15),
            tuple(EventKind.UPDATED, "description", "some words", null, "hal", t16),
            tuple(EventKind.UPDATED, "assignee", "dave", null, "hal", t16),
            tuple(EventKind.DEPENDENCY_REMOVED, "related", other.id(), null, "hal", t17),
            tuple(EventKind.DELETED, null, null, null, "hal", t17));
    assertThat(history).allSatisfy(e -> assertThat(e.issueId()).isEqualTo(id));
    assertThat(history).extracting(Event::id).isSorted().doesNotHaveDuplicates();
    // Edges are recorded on the issue that depends, not on its target.
    assertThat(f.store.queries().history(KEY, blocker.id()))
        .extracting(Event::kind)
        .containsExactly(EventKind.CREATED);
  }

  /** Advances the clock by a second and returns the new time. */
  private Instant step() {
    f.tick();
    return f.clock.instant();
  }

  @Test
  void historyOfADeletedIssueIsStillAvailable() {
    Issue issue = f.create("short lived");
    String random = issue.id().substring(KEY.length() + 1);
    delete(f, issue);

    assertFails(ErrorCode.NOT_FOUND, () -> f.store.issues().get(KEY, issue.id()));
    for (String typed : List.of(issue.id(), random, random.substring(0, 3))) {
      assertThat(f.store.queries().history(KEY, typed))
          .extracting(Event::kind)
          .containsExactly(EventKind.CREATED, EventKind.DELETED);
    }
  }

  @Test
  void deletingAParentIsRecordedOnItsChildren() {
    Issue parent = f.create("parent");
    Issue child = draft("child").parent(parent.id()).create(f);
    Instant deleted = step();
    f.store.issues().delete(KEY, parent.id(), null, "bob");

    assertThat(f.store.queries().history(KEY, child.id()))
        .extracting(Event::kind, Event::field, Event::from, Event::to, Event::actor, Event::at)
        .containsExactly(
            tuple(EventKind.CREATED, "title", null, "child", ACTOR, child.createdAt()),
            tuple(
                EventKind.DEPENDENCY_ADDED,
                "parent-child",
                null,
                parent.id(),
                ACTOR,
                child.createdAt()),
            tuple(EventKind.DEPENDENCY_REMOVED, "parent-child", parent.id(), null, "bob", deleted));
  }

  @Test
  void historyOfAnUnknownIssueIsNotFound() {
    f.store.projects().create(new NewProject("oth", "Other", null));
    f.create("mine");
    f.tick();
    Issue theirs = f.store.issues().create("oth", draft("theirs").build(), ACTOR);

    assertFails(ErrorCode.NOT_FOUND, () -> f.store.queries().history(KEY, KEY + "-zzzzzz"));
    assertFails(ErrorCode.NOT_FOUND, () -> f.store.queries().history(KEY, theirs.id()));
    assertFails(ErrorCode.NOT_FOUND, () -> f.store.queries().history("nope", theirs.id()));
    assertThat(f.store.queries().history("oth", theirs.id())).hasSize(1);
  }
}
