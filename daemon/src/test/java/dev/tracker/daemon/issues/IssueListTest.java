package dev.tracker.daemon.issues;

import static dev.tracker.daemon.issues.QueryTestData.ACTOR;
import static dev.tracker.daemon.issues.QueryTestData.KEY;
import static dev.tracker.daemon.issues.QueryTestData.assertFails;
import static dev.tracker.daemon.issues.QueryTestData.assertInvalid;
import static dev.tracker.daemon.issues.QueryTestData.close;
import static dev.tracker.daemon.issues.QueryTestData.delete;
import static dev.tracker.daemon.issues.QueryTestData.draft;
import static dev.tracker.daemon.issues.QueryTestData.ids;
import static dev.tracker.daemon.issues.QueryTestData.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.IssueSort;
import dev.tracker.core.api.NewComment;
import dev.tracker.core.api.Page;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IssueQueries#list}: every filter, every sort, page limits and cursors. */
class IssueListTest {
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

  private Page<Issue> page(IssueQuery query) {
    return f.store.queries().list(KEY, query);
  }

  /** Ids of one page of at most 1000 issues, which must be the last. */
  private List<String> listed(IssueQuery.Builder query) {
    Page<Issue> page = page(query.limit(1000).build());
    assertThat(page.nextCursor()).isNull();
    return ids(page.items());
  }

  private static IssueQuery.Builder query() {
    return IssueQuery.builder();
  }

  // --- filters -----------------------------------------------------------------------------

  @Test
  void noFilterListsEveryLiveIssueOfTheProject() {
    Issue a = f.create("one");
    Issue b = f.create("two");
    Issue c = close(f, f.create("three"));

    assertThat(listed(query())).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
  }

  @Test
  void statusesSelectAnyOfTheGivenStatuses() {
    Issue open = draft("open").status(Status.OPEN).create(f);
    Issue inProgress = draft("in progress").status(Status.IN_PROGRESS).create(f);
    Issue blocked = draft("blocked").status(Status.BLOCKED).create(f);
    Issue deferred = draft("deferred").status(Status.DEFERRED).create(f);
    Issue closedAtCreation = draft("closed").status(Status.CLOSED).create(f);
    Issue closedLater = close(f, f.create("closed later"));

    assertThat(listed(query().statuses(Status.OPEN))).containsExactly(open.id());
    assertThat(listed(query().statuses(Status.IN_PROGRESS))).containsExactly(inProgress.id());
    assertThat(listed(query().statuses(Status.OPEN, Status.DEFERRED)))
        .containsExactlyInAnyOrder(open.id(), deferred.id());
    assertThat(listed(query().statuses(Status.BLOCKED, Status.IN_PROGRESS)))
        .containsExactlyInAnyOrder(blocked.id(), inProgress.id());
    assertThat(listed(query().statuses(Status.CLOSED)))
        .containsExactlyInAnyOrder(closedAtCreation.id(), closedLater.id());
    assertThat(listed(query().statuses())).hasSize(6);
  }

  @Test
  void priorityRangeIsInclusiveAtBothEnds() {
    List<String> byLevel = new ArrayList<>();
    for (Priority priority : Priority.values()) {
      byLevel.add(draft("p" + priority.level()).priority(priority).create(f).id());
    }

    assertThat(listed(query().priorities(Priority.HIGH, Priority.LOW)))
        .containsExactly(byLevel.get(1), byLevel.get(2), byLevel.get(3));
    assertThat(listed(query().priorities(Priority.MEDIUM, Priority.MEDIUM)))
        .containsExactly(byLevel.get(2));
    assertThat(listed(query().priorities(Priority.LOW, null)))
        .containsExactly(byLevel.get(3), byLevel.get(4));
    assertThat(listed(query().priorities(null, Priority.HIGH)))
        .containsExactly(byLevel.get(0), byLevel.get(1));
    assertThat(listed(query().priorities(Priority.CRITICAL, Priority.BACKLOG)))
        .containsExactlyElementsOf(byLevel);
  }

  @Test
  void minPriorityAboveMaxPriorityIsRefused() {
    f.create("anything");

    assertInvalid(
        "minPriority", () -> page(query().priorities(Priority.LOW, Priority.HIGH).build()));
    assertInvalid(
        "minPriority", () -> page(query().priorities(Priority.BACKLOG, Priority.CRITICAL).build()));
  }

  @Test
  void typeSelectsOneType() {
    Issue bug = draft("bug").type(IssueType.BUG).create(f);
    Issue feature = draft("feature").type(IssueType.FEATURE).create(f);
    Issue task = f.create("task by default");
    Issue epic = draft("epic").type(IssueType.EPIC).create(f);
    Issue chore = draft("chore").type(IssueType.CHORE).create(f);

    assertThat(listed(query().type(IssueType.BUG))).containsExactly(bug.id());
    assertThat(listed(query().type(IssueType.FEATURE))).containsExactly(feature.id());
    assertThat(listed(query().type(IssueType.TASK))).containsExactly(task.id());
    assertThat(listed(query().type(IssueType.EPIC))).containsExactly(epic.id());
    assertThat(listed(query().type(IssueType.CHORE))).containsExactly(chore.id());
    update(f, bug, IssuePatch.EMPTY.withType(IssueType.CHORE));
    assertThat(listed(query().type(IssueType.BUG))).isEmpty();
    assertThat(listed(query().type(IssueType.CHORE))).containsExactly(bug.id(), chore.id());
  }

  @Test
  void assigneeAndUnassigned() {
    Issue bob = draft("bob's").assignee("bob").create(f);
    Issue carol = draft("carol's").assignee("carol").create(f);
    Issue nobody = f.create("nobody's");
    Issue bobToo = draft("bob's too").assignee("bob").create(f);

    assertThat(listed(query().assignee("bob"))).containsExactly(bob.id(), bobToo.id());
    assertThat(listed(query().assignee(" carol "))).containsExactly(carol.id());
    assertThat(listed(query().assignee("dave"))).isEmpty();
    assertThat(listed(query().assignee("Bob"))).isEmpty();
    assertThat(listed(query().unassigned())).containsExactly(nobody.id());

    update(f, bobToo, IssuePatch.EMPTY.withAssignee(""));
    assertThat(listed(query().assignee("bob"))).containsExactly(bob.id());
    assertThat(listed(query().unassigned())).containsExactly(nobody.id(), bobToo.id());
  }

  @Test
  void assigneeTogetherWithUnassignedIsRefused() {
    draft("bob's").assignee("bob").create(f);

    assertInvalid("assignee", () -> page(query().assignee("bob").unassigned().build()));
  }

  @Test
  void allLabelsRequiresEveryLabelAndAnyLabelsAtLeastOne() {
    Issue both = draft("both").labels("backend", "urgent").create(f);
    Issue backend = draft("backend").labels("backend").create(f);
    Issue urgentUi = draft("urgent ui").labels("urgent", "ui").create(f);
    Issue none = f.create("no labels");

    assertThat(listed(query().allLabels("backend", "urgent"))).containsExactly(both.id());
    assertThat(listed(query().allLabels("backend"))).containsExactly(both.id(), backend.id());
    assertThat(listed(query().allLabels("backend", "ui"))).isEmpty();
    assertThat(listed(query().anyLabels("backend", "ui")))
        .containsExactly(both.id(), backend.id(), urgentUi.id());
    assertThat(listed(query().anyLabels("urgent"))).containsExactly(both.id(), urgentUi.id());
    assertThat(listed(query().anyLabels("missing"))).isEmpty();
    assertThat(listed(query().allLabels("urgent").anyLabels("backend", "ui")))
        .containsExactly(both.id(), urgentUi.id());
    assertThat(listed(query())).contains(none.id());

    f.tick();
    f.store.issues().removeLabels(KEY, both.id(), List.of("urgent"), ACTOR);
    assertThat(listed(query().allLabels("backend", "urgent"))).isEmpty();
    assertThat(listed(query().anyLabels("urgent"))).containsExactly(urgentUi.id());
  }

  @Test
  void anInvalidLabelInAFilterIsRefused() {
    assertInvalid("labels", () -> page(query().allLabels("-bad").build()));
    assertInvalid("labels", () -> page(query().anyLabels("ok", "no spaces").build()));
  }

  @Test
  void parentSelectsDirectChildrenByIdOrPrefix() {
    Issue epic = draft("epic").type(IssueType.EPIC).create(f);
    Issue other = draft("other epic").type(IssueType.EPIC).create(f);
    Issue first = draft("first child").parent(epic.id()).create(f);
    Issue second = draft("second child").parent(epic.id()).create(f);
    Issue grandChild = draft("grand child").parent(first.id()).create(f);
    draft("child of the other").parent(other.id()).create(f);
    f.create("orphan");

    assertThat(listed(query().parent(epic.id()))).containsExactly(first.id(), second.id());
    assertThat(listed(query().parent(first.id()))).containsExactly(grandChild.id());
    assertThat(listed(query().parent(second.id()))).isEmpty();

    String random = epic.id().substring(KEY.length() + 1);
    String prefix = shortestUniquePrefix(random, ids(List.of(other, first, second, grandChild)));
    assertThat(listed(query().parent(random))).containsExactly(first.id(), second.id());
    assertThat(listed(query().parent(prefix))).containsExactly(first.id(), second.id());
    assertThat(listed(query().parent(KEY + "-" + prefix))).containsExactly(first.id(), second.id());
    assertThat(listed(query().parent(epic.id().toUpperCase(java.util.Locale.ROOT))))
        .containsExactly(first.id(), second.id());
  }

  @Test
  void malformedParentIsReportedUnderTheParentField() {
    f.create("lonely");

    TrackerException error =
        assertInvalid("parent", () -> page(query().parent("no spaces").build()));
    assertThat(error.getMessage()).startsWith("parent: ");
  }

  @Test
  void unknownParentIsNotFound() {
    f.create("lonely");

    assertFails(ErrorCode.NOT_FOUND, () -> page(query().parent(KEY + "-zzzzzzzz").build()));
  }

  @Test
  void createdRangeIncludesSinceAndExcludesBefore() {
    List<Issue> issues = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      issues.add(f.create("issue " + i));
    }
    Instant t1 = issues.get(1).createdAt();
    Instant t3 = issues.get(3).createdAt();

    assertThat(listed(query().created(t1, t3)))
        .containsExactly(issues.get(1).id(), issues.get(2).id());
    assertThat(listed(query().created(t3, null)))
        .containsExactly(issues.get(3).id(), issues.get(4).id());
    assertThat(listed(query().created(null, t1))).containsExactly(issues.get(0).id());
    assertThat(listed(query().created(t1.plusMillis(1), t3.minusMillis(1))))
        .containsExactly(issues.get(2).id());
    assertThat(listed(query().created(t3, t1))).isEmpty();
  }

  @Test
  void updatedRangeFollowsTheLastChange() {
    Issue a = f.create("a");
    Issue b = f.create("b");
    Issue c = f.create("c");
    Issue d = f.create("d");
    f.clock.advance(Duration.ofHours(1));
    b = update(f, b, IssuePatch.EMPTY.withTitle("b changed"));
    f.clock.advance(Duration.ofHours(1));
    d = update(f, d, IssuePatch.EMPTY.withDescription("d changed"));
    Instant afterCreation = c.createdAt().plusSeconds(5);

    assertThat(b.updatedAt()).isAfter(afterCreation);
    assertThat(listed(query().updated(afterCreation, null))).containsExactly(b.id(), d.id());
    assertThat(listed(query().updated(null, afterCreation))).containsExactly(a.id(), c.id());
    assertThat(listed(query().updated(b.updatedAt(), d.updatedAt()))).containsExactly(b.id());
    assertThat(listed(query().updated(d.updatedAt(), null))).containsExactly(d.id());
    // Created long before, but changed inside the window.
    assertThat(listed(query().created(null, afterCreation).updated(afterCreation, null)))
        .containsExactly(b.id(), d.id());
  }

  @Test
  void textMatchesTitleDescriptionAndComments() {
    Issue title = f.create("Parser crashes on empty input");
    Issue description = draft("Render glitch").description("the parser output is wrong").create(f);
    Issue comment = f.create("Slow startup");
    f.store
        .comments()
        .add(KEY, comment.id(), new NewComment(null, "maybe the parser again?"), ACTOR);
    f.create("Unrelated");

    assertThat(listed(query().text("parser")))
        .containsExactlyInAnyOrder(title.id(), description.id(), comment.id());
    assertThat(listed(query().text("PARS"))).hasSize(3);
    assertThat(listed(query().text("parser crash"))).containsExactly(title.id());
    assertThat(listed(query().text("parser wrong"))).containsExactly(description.id());
    assertThat(listed(query().text("zebra"))).isEmpty();
    assertInvalid("text", () -> page(query().text("?!").build()));
  }

  @Test
  void filtersCombineWithAnd() {
    String matching = "crash in the importer";
    Issue target =
        draft(matching)
            .status(Status.IN_PROGRESS)
            .priority(Priority.HIGH)
            .type(IssueType.BUG)
            .assignee("bob")
            .labels("backend")
            .create(f);
    // Each of these differs from the target in exactly one filtered field.
    draft(matching)
        .status(Status.DEFERRED)
        .priority(Priority.HIGH)
        .type(IssueType.BUG)
        .assignee("bob")
        .labels("backend")
        .create(f);
    draft(matching)
        .status(Status.IN_PROGRESS)
        .priority(Priority.LOW)
        .type(IssueType.BUG)
        .assignee("bob")
        .labels("backend")
        .create(f);
    draft(matching)
        .status(Status.IN_PROGRESS)
        .priority(Priority.HIGH)
        .type(IssueType.FEATURE)
        .assignee("bob")
        .labels("backend")
        .create(f);
    draft(matching)
        .status(Status.IN_PROGRESS)
        .priority(Priority.HIGH)
        .type(IssueType.BUG)
        .assignee("carol")
        .labels("backend")
        .create(f);
    draft(matching)
        .status(Status.IN_PROGRESS)
        .priority(Priority.HIGH)
        .type(IssueType.BUG)
        .assignee("bob")
        .labels("frontend")
        .create(f);
    draft("a different title")
        .status(Status.IN_PROGRESS)
        .priority(Priority.HIGH)
        .type(IssueType.BUG)
        .assignee("bob")
        .labels("backend")
        .create(f);

    IssueQuery.Builder all =
        query()
            .statuses(Status.OPEN, Status.IN_PROGRESS)
            .priorities(Priority.CRITICAL, Priority.HIGH)
            .type(IssueType.BUG)
            .assignee("bob")
            .anyLabels("backend", "ops")
            .created(target.createdAt(), null)
            .text("importer");
    assertThat(listed(all)).containsExactly(target.id());
    assertThat(listed(query().type(IssueType.BUG).assignee("bob").text("importer")))
        .hasSize(4)
        .contains(target.id());
    assertThat(listed(all.created(target.createdAt().plusMillis(1), null))).isEmpty();
  }

  @Test
  void deletedIssuesAreNeverListed() {
    Issue epic = f.create("epic");
    Issue kept = draft("kept zebra").labels("x").parent(epic.id()).create(f);
    Issue gone = draft("gone zebra").labels("x").assignee("bob").parent(epic.id()).create(f);
    delete(f, gone);

    assertThat(listed(query())).containsExactly(epic.id(), kept.id());
    assertThat(listed(query().allLabels("x"))).containsExactly(kept.id());
    assertThat(listed(query().anyLabels("x"))).containsExactly(kept.id());
    assertThat(listed(query().text("zebra"))).containsExactly(kept.id());
    assertThat(listed(query().assignee("bob"))).isEmpty();
    assertThat(listed(query().parent(epic.id()))).containsExactly(kept.id());
    for (IssueSort sort : IssueSort.values()) {
      assertThat(listed(query().sort(sort))).doesNotContain(gone.id()).hasSize(2);
    }
  }

  @Test
  void otherProjectsIssuesAreNeverListed() {
    f.store.projects().create(new dev.tracker.core.api.NewProject("oth", "Other", null));
    Issue mine = f.create("mine");
    f.tick();
    Issue theirs =
        f.store.issues().create("oth", dev.tracker.core.api.IssueDraft.titled("x"), ACTOR);

    assertThat(listed(query())).containsExactly(mine.id());
    assertThat(ids(f.store.queries().list("oth", query().build()).items()))
        .containsExactly(theirs.id());
  }

  // --- sorts -------------------------------------------------------------------------------

  @Test
  void eachSortOrdersAsDocumented() {
    Issue a = draft("a").priority(Priority.MEDIUM).create(f);
    Issue b = draft("b").priority(Priority.CRITICAL).create(f);
    Issue c = draft("c").priority(Priority.MEDIUM).create(f);
    Issue d = draft("d").priority(Priority.CRITICAL).create(f);
    update(f, a, IssuePatch.EMPTY.withTitle("a changed"));
    update(f, c, IssuePatch.EMPTY.withDescription("c changed"));

    // priority: most urgent first, then oldest first.
    assertThat(listed(query().sort(IssueSort.PRIORITY)))
        .containsExactly(b.id(), d.id(), a.id(), c.id());
    assertThat(listed(query())).containsExactly(b.id(), d.id(), a.id(), c.id());
    // created: newest first.
    assertThat(listed(query().sort(IssueSort.CREATED)))
        .containsExactly(d.id(), c.id(), b.id(), a.id());
    // updated: most recently updated first.
    assertThat(listed(query().sort(IssueSort.UPDATED)))
        .containsExactly(c.id(), a.id(), d.id(), b.id());
    // id: ascending.
    assertThat(listed(query().sort(IssueSort.ID)))
        .containsExactlyElementsOf(ids(List.of(a, b, c, d)).stream().sorted().toList());
  }

  @Test
  void sortsBreakTiesOfEqualTimestampsById() {
    f.tick();
    List<Issue> sameInstant = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sameInstant.add(f.store.issues().create(KEY, draft("tie " + i).build(), ACTOR));
    }
    List<String> ascending = ids(sameInstant).stream().sorted().toList();
    List<String> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);

    assertThat(listed(query().sort(IssueSort.PRIORITY))).containsExactlyElementsOf(ascending);
    assertThat(listed(query().sort(IssueSort.CREATED))).containsExactlyElementsOf(descending);
    assertThat(listed(query().sort(IssueSort.UPDATED))).containsExactlyElementsOf(descending);
  }

  // --- limits ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
  void limitOutOfBoundsIsRefused(int limit) {
    f.create("anything");

    assertInvalid("limit", () -> page(query().limit(limit).build()));
  }

  @Test
  void limitBoundsAreAcceptedAndEndThePageExactly() {
    Issue a = f.create("a");
    Issue b = f.create("b");
    Issue c = f.create("c");

    assertThat(page(query().limit(1000).build()).items()).hasSize(3);
    Page<Issue> exact = page(query().limit(3).build());
    assertThat(ids(exact.items())).containsExactly(a.id(), b.id(), c.id());
    assertThat(exact.nextCursor()).isNull();
    Page<Issue> first = page(query().limit(1).build());
    assertThat(ids(first.items())).containsExactly(a.id());
    assertThat(first.nextCursor()).isNotNull();
    Page<Issue> rest = page(query().limit(2).cursor(first.nextCursor()).build());
    assertThat(ids(rest.items())).containsExactly(b.id(), c.id());
    assertThat(rest.nextCursor()).isNull();
  }

  @Test
  void defaultLimitIsOneHundred() {
    for (int i = 0; i < 101; i++) {
      f.create("issue " + i);
    }

    Page<Issue> first = page(query().build());
    assertThat(first.items()).hasSize(100);
    assertThat(first.nextCursor()).isNotNull();
    Page<Issue> second = page(query().cursor(first.nextCursor()).build());
    assertThat(second.items()).hasSize(1);
    assertThat(second.nextCursor()).isNull();
  }

  // --- cursors -----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(IssueSort.class)
  void pagingVisitsEveryIssueOnceInSortOrder(IssueSort sort) {
    List<Issue> all = manyIssues(250);

    List<String> expected = all.stream().sorted(order(sort)).map(Issue::id).toList();
    assertThat(pageThrough(query().sort(sort), 40, expected.size()))
        .containsExactlyElementsOf(expected);
    // A single page of everything agrees with the pages.
    assertThat(listed(query().sort(sort))).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(IssueSort.class)
  void pagingWithAFilterVisitsEveryMatchOnce(IssueSort sort) {
    List<Issue> all = manyIssues(250);

    List<String> expected =
        all.stream()
            .filter(i -> i.type() == IssueType.BUG && i.status() != Status.CLOSED)
            .sorted(order(sort))
            .map(Issue::id)
            .toList();
    assertThat(expected).hasSizeGreaterThan(40);
    IssueQuery.Builder filtered =
        query()
            .sort(sort)
            .type(IssueType.BUG)
            .statuses(Status.OPEN, Status.IN_PROGRESS, Status.BLOCKED, Status.DEFERRED);
    assertThat(pageThrough(filtered, 40, expected.size())).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(IssueSort.class)
  void pagesStayStableWhileIssuesAreCreatedBetweenFetches(IssueSort sort) {
    List<Issue> existing = manyIssues(100);
    List<String> expected = existing.stream().sorted(order(sort)).map(Issue::id).toList();

    List<String> seen = new ArrayList<>();
    Set<String> added = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<Issue> page = page(query().sort(sort).limit(40).cursor(cursor).build());
      seen.addAll(ids(page.items()));
      cursor = page.nextCursor();
      pages++;
      // New issues at both ends of the priority order, created after everything shown so far.
      for (Priority priority : List.of(Priority.CRITICAL, Priority.BACKLOG)) {
        added.add(
            draft("added " + pages + " " + priority.label()).priority(priority).create(f).id());
      }
    } while (cursor != null && pages < 10);

    assertThat(cursor).as("paging did not end").isNull();
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen.stream().filter(id -> !added.contains(id)).toList())
        .containsExactlyElementsOf(expected);
    // What was shown, new issues included, is in the order of the final list.
    Set<String> shown = new HashSet<>(seen);
    assertThat(seen)
        .containsExactlyElementsOf(
            listed(query().sort(sort)).stream().filter(shown::contains).toList());
  }

  @ParameterizedTest
  @EnumSource(IssueSort.class)
  void deletingIssuesBetweenFetchesSkipsNoOtherIssue(IssueSort sort) {
    List<Issue> existing = manyIssues(100);
    List<String> expected = existing.stream().sorted(order(sort)).map(Issue::id).toList();

    Page<Issue> first = page(query().sort(sort).limit(40).build());
    assertThat(ids(first.items())).containsExactlyElementsOf(expected.subList(0, 40));
    // The issue the cursor resumes after, and one not shown yet.
    String anchor = expected.get(39);
    String ahead = expected.get(45);
    f.tick();
    f.store.issues().delete(KEY, anchor, null, ACTOR);
    f.store.issues().delete(KEY, ahead, null, ACTOR);

    List<String> rest = new ArrayList<>(expected.subList(40, expected.size()));
    rest.remove(ahead);
    assertThat(pageThrough(query().sort(sort), first.nextCursor(), 40, rest.size()))
        .containsExactlyElementsOf(rest);
  }

  @Test
  void aCursorOfOneSortIsRefusedByAnother() {
    for (int i = 0; i < 5; i++) {
      f.create("issue " + i);
    }
    for (IssueSort from : IssueSort.values()) {
      String cursor = page(query().sort(from).limit(2).build()).nextCursor();
      assertThat(cursor).isNotNull();
      for (IssueSort to : IssueSort.values()) {
        if (to != from) {
          assertInvalid("cursor", () -> page(query().sort(to).limit(2).cursor(cursor).build()));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage!",
        "not a cursor",
        "////",
        "YWJj",
        "djEKcHJpb3JpdHkKeAp5Cno",
        "djIKcHJpb3JpdHkKMgp5Cno",
        "djEKcHJpb3JpdHkKMgp5",
        "djEKd2hhdGV2ZXIKMgp5Cno"
      })
  void garbageCursorsAreRefused(String cursor) {
    f.create("a");
    f.create("b");

    assertInvalid("cursor", () -> page(query().limit(1).cursor(cursor).build()));
  }

  @Test
  void garbageCursorsOfEverySortAreRefused() {
    f.create("a");
    for (IssueSort sort : IssueSort.values()) {
      String tooManyKeys = encode("v1\n" + sort.wire() + "\na\nb\nc\nd\ne");
      String oldVersion = encode("v0\n" + sort.wire() + "\n2\nx\ny");
      assertInvalid("cursor", () -> page(query().sort(sort).cursor(tooManyKeys).build()));
      assertInvalid("cursor", () -> page(query().sort(sort).cursor(oldVersion).build()));
    }
    String badPriority = encode("v1\npriority\nhigh\n2026-03-01T10:00:01.000Z\ntrk-abcd");
    assertInvalid("cursor", () -> page(query().cursor(badPriority).build()));
  }

  @Test
  void aBlankCursorStartsAtTheFirstPage() {
    Issue a = f.create("a");
    f.create("b");

    assertThat(ids(page(query().limit(1).cursor("").build()).items())).containsExactly(a.id());
    assertThat(ids(page(query().limit(1).cursor("  ").build()).items())).containsExactly(a.id());
  }

  // --- helpers -----------------------------------------------------------------------------

  /** Follows cursors to the end; fails if paging does not end within a page of the expected. */
  private List<String> pageThrough(IssueQuery.Builder query, int limit, int expected) {
    return pageThrough(query, null, limit, expected);
  }

  private List<String> pageThrough(
      IssueQuery.Builder query, String startCursor, int limit, int expected) {
    List<String> seen = new ArrayList<>();
    String cursor = startCursor;
    int pages = 0;
    int maxPages = expected / limit + 2;
    do {
      Page<Issue> page = page(query.limit(limit).cursor(cursor).build());
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      if (page.nextCursor() != null) {
        assertThat(page.items()).hasSize(limit);
      }
      seen.addAll(ids(page.items()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < maxPages);
    assertThat(cursor).as("paging did not end").isNull();
    return seen;
  }

  /**
   * {@code count} issues of every priority, type and status, created three to a timestamp and
   * partly updated two to a timestamp, so that every sort meets ties on its time key. Returns them
   * as they finally are.
   */
  private List<Issue> manyIssues(int count) {
    Random random = new Random(7);
    List<Issue> issues = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i % 3 == 0) {
        f.tick();
      }
      Status status = Status.values()[random.nextInt(Status.values().length)];
      issues.add(
          f.store
              .issues()
              .create(
                  KEY,
                  draft("issue " + i)
                      .priority(Priority.values()[random.nextInt(5)])
                      .type(i % 2 == 0 ? IssueType.BUG : IssueType.TASK)
                      .status(status)
                      .build(),
                  ACTOR));
    }
    for (int i = 0; i < count; i += 4) {
      if (i % 8 == 0) {
        f.tick();
      }
      Issue changed =
          f.store
              .issues()
              .update(
                  KEY, issues.get(i).id(), IssuePatch.EMPTY.withTitle("changed " + i), null, ACTOR);
      issues.set(i, changed);
    }
    return issues;
  }

  private static Comparator<Issue> order(IssueSort sort) {
    return switch (sort) {
      case PRIORITY ->
          Comparator.comparing((Issue i) -> i.priority().level())
              .thenComparing(Issue::createdAt)
              .thenComparing(Issue::id);
      case CREATED -> Comparator.comparing(Issue::createdAt).thenComparing(Issue::id).reversed();
      case UPDATED -> Comparator.comparing(Issue::updatedAt).thenComparing(Issue::id).reversed();
      case ID -> Comparator.comparing(Issue::id);
    };
  }

  private static String shortestUniquePrefix(String random, List<String> otherIds) {
    for (int length = 1; length <= random.length(); length++) {
      String prefix = random.substring(0, length);
      if (otherIds.stream().noneMatch(id -> id.startsWith(KEY + "-" + prefix))) {
        return prefix;
      }
    }
    return random;
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
