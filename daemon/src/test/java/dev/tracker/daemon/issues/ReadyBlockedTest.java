package dev.tracker.daemon.issues;

import static dev.tracker.daemon.issues.QueryTestData.ACTOR;
import static dev.tracker.daemon.issues.QueryTestData.KEY;
import static dev.tracker.daemon.issues.QueryTestData.assertInvalid;
import static dev.tracker.daemon.issues.QueryTestData.block;
import static dev.tracker.daemon.issues.QueryTestData.close;
import static dev.tracker.daemon.issues.QueryTestData.delete;
import static dev.tracker.daemon.issues.QueryTestData.depend;
import static dev.tracker.daemon.issues.QueryTestData.draft;
import static dev.tracker.daemon.issues.QueryTestData.ids;
import static dev.tracker.daemon.issues.QueryTestData.reopen;
import static dev.tracker.daemon.issues.QueryTestData.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.BlockedIssue;
import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.IssueRef;
import dev.tracker.core.api.NewProject;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ready work (open, nothing open blocks it) and blocked work (with its blockers). */
class ReadyBlockedTest {
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

  private List<String> ready() {
    return ids(f.store.queries().ready(KEY, null));
  }

  private List<BlockedIssue> blocked() {
    return f.store.queries().blocked(KEY, null);
  }

  private List<String> blockedIds() {
    return blocked().stream().map(b -> b.issue().id()).toList();
  }

  private BlockedIssue blockedEntry(Issue issue) {
    return blocked().stream()
        .filter(b -> b.issue().id().equals(issue.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(issue.id() + " is not listed as blocked"));
  }

  private static IssueRef ref(Issue issue) {
    return new IssueRef(issue.id(), issue.title(), issue.status(), issue.priority());
  }

  // --- ready -------------------------------------------------------------------------------

  @Test
  void readyIsOrderedByPriorityThenAge() {
    Issue lowOld = draft("low old").priority(Priority.LOW).create(f);
    Issue criticalNew = draft("critical").priority(Priority.CRITICAL).create(f);
    Issue mediumOld = draft("medium old").priority(Priority.MEDIUM).create(f);
    Issue mediumNew = draft("medium new").priority(Priority.MEDIUM).create(f);
    Issue backlog = draft("backlog").priority(Priority.BACKLOG).create(f);
    Issue lowNew = draft("low new").priority(Priority.LOW).create(f);
    // A later change does not make an issue younger.
    update(f, mediumOld, IssuePatch.EMPTY.withTitle("medium old, edited"));

    assertThat(ready())
        .containsExactly(
            criticalNew.id(),
            mediumOld.id(),
            mediumNew.id(),
            lowOld.id(),
            lowNew.id(),
            backlog.id());
    assertThat(f.store.queries().ready(KEY, 2))
        .extracting(Issue::id)
        .containsExactly(criticalNew.id(), mediumOld.id());
  }

  @Test
  void onlyOpenIssuesAreReady() {
    Issue open = f.create("open");
    draft("in progress").status(Status.IN_PROGRESS).create(f);
    draft("deferred").status(Status.DEFERRED).create(f);
    draft("blocked by hand").status(Status.BLOCKED).create(f);
    draft("closed").status(Status.CLOSED).create(f);
    Issue closedLater = close(f, f.create("closed later"));
    Issue startedLater = f.create("started later");
    update(f, startedLater, IssuePatch.EMPTY.withStatus(Status.IN_PROGRESS));

    assertThat(ready()).containsExactly(open.id());

    reopen(f, closedLater);
    assertThat(ready()).containsExactly(open.id(), closedLater.id());
  }

  @Test
  void anOpenBlockerKeepsAnIssueOutOfReady() {
    Issue blocker = f.create("blocker");
    Issue waiting = draft("waiting").priority(Priority.CRITICAL).create(f);
    block(f, waiting, blocker);

    assertThat(ready()).containsExactly(blocker.id());
  }

  @Test
  void aBlockerInAnyUnfinishedStatusStillBlocks() {
    Issue blocker = f.create("blocker");
    Issue waiting = f.create("waiting");
    block(f, waiting, blocker);

    for (Status status : List.of(Status.IN_PROGRESS, Status.BLOCKED, Status.DEFERRED)) {
      update(f, blocker, IssuePatch.EMPTY.withStatus(status));
      assertThat(ready()).as("blocker %s", status).isEmpty();
    }
  }

  @Test
  void closingTheBlockerMakesTheBlockedIssueReady() {
    Issue blocker = f.create("blocker");
    Issue waiting = f.create("waiting");
    block(f, waiting, blocker);
    assertThat(ready()).containsExactly(blocker.id());

    close(f, blocker);
    assertThat(ready()).containsExactly(waiting.id());

    reopen(f, blocker);
    assertThat(ready()).containsExactly(blocker.id());
  }

  @Test
  void anIssueIsReadyOnlyWhenEveryBlockerIsClosed() {
    Issue first = f.create("first blocker");
    Issue second = f.create("second blocker");
    Issue waiting = f.create("waiting");
    block(f, waiting, first);
    block(f, waiting, second);

    close(f, first);
    assertThat(ready()).containsExactly(second.id());
    close(f, second);
    assertThat(ready()).containsExactly(waiting.id());
  }

  @Test
  void deletingTheBlockerMakesTheBlockedIssueReady() {
    Issue blocker = f.create("blocker");
    Issue waiting = f.create("waiting");
    block(f, waiting, blocker);

    delete(f, blocker);
    assertThat(ready()).containsExactly(waiting.id());
    assertThat(blocked()).isEmpty();
  }

  @Test
  void blockingIsNotTransitiveThroughAClosedMiddle() {
    Issue root = f.create("root");
    Issue middle = f.create("middle");
    Issue leaf = f.create("leaf");
    block(f, middle, root);
    block(f, leaf, middle);
    assertThat(ready()).containsExactly(root.id());

    close(f, middle);
    // leaf only waits on middle, which is done; middle's own blocker does not matter to it.
    assertThat(ready()).containsExactly(root.id(), leaf.id());
  }

  @Test
  void relatedDiscoveredFromAndParentChildEdgesDoNotBlock() {
    Issue epic = f.create("epic");
    Issue other = f.create("other");
    Issue child = f.create("child");
    Issue related = f.create("related");
    Issue discovered = f.create("discovered");
    depend(f, child, epic, DependencyKind.PARENT_CHILD);
    depend(f, related, other, DependencyKind.RELATED);
    depend(f, discovered, other, DependencyKind.DISCOVERED_FROM);

    assertThat(f.store.issues().get(KEY, child.id()).parent()).isEqualTo(epic.id());
    assertThat(ready())
        .containsExactly(epic.id(), other.id(), child.id(), related.id(), discovered.id());
    assertThat(blocked()).isEmpty();
  }

  @Test
  void deletedIssuesAreNeverReady() {
    Issue kept = f.create("kept");
    Issue gone = f.create("gone");
    delete(f, gone);

    assertThat(ready()).containsExactly(kept.id());
  }

  @Test
  void otherProjectsAreNotReadyHere() {
    f.store.projects().create(new NewProject("oth", "Other", null));
    Issue mine = f.create("mine");
    f.tick();
    Issue theirs = f.store.issues().create("oth", draft("theirs").build(), ACTOR);

    assertThat(ready()).containsExactly(mine.id());
    assertThat(ids(f.store.queries().ready("oth", null))).containsExactly(theirs.id());
  }

  // --- blocked -----------------------------------------------------------------------------

  @Test
  void blockedListsIssuesWithOpenBlockersAndTheirBlockers() {
    Issue blocker = draft("the blocker").priority(Priority.HIGH).create(f);
    Issue waiting = f.create("waiting");
    Issue free = f.create("free");
    block(f, waiting, blocker);

    List<BlockedIssue> blocked = blocked();
    assertThat(blocked).hasSize(1);
    assertThat(blocked.get(0).issue().id()).isEqualTo(waiting.id());
    assertThat(blocked.get(0).issue().title()).isEqualTo("waiting");
    assertThat(blocked.get(0).blockers()).containsExactly(ref(blocker));
    assertThat(blockedIds()).doesNotContain(blocker.id(), free.id());
  }

  @Test
  void issuesMarkedBlockedAreListedWithoutBlockers() {
    Issue marked = draft("waiting on a vendor").status(Status.BLOCKED).create(f);
    Issue markedLater = f.create("marked later");
    update(f, markedLater, IssuePatch.EMPTY.withStatus(Status.BLOCKED));
    f.create("open");

    assertThat(blockedIds()).containsExactly(marked.id(), markedLater.id());
    assertThat(blocked()).allSatisfy(b -> assertThat(b.blockers()).isEmpty());
    assertThat(blockedEntry(marked).issue().status()).isEqualTo(Status.BLOCKED);
  }

  @Test
  void blockersListOnlyOpenBlockersByPriorityThenAge() {
    Issue lowBlocker = draft("low blocker").priority(Priority.LOW).create(f);
    Issue closedBlocker = f.create("closed blocker");
    Issue criticalBlocker = draft("critical blocker").priority(Priority.CRITICAL).create(f);
    Issue lowBlockerNew = draft("newer low blocker").priority(Priority.LOW).create(f);
    Issue waiting = f.create("waiting");
    block(f, waiting, lowBlocker);
    block(f, waiting, closedBlocker);
    block(f, waiting, criticalBlocker);
    block(f, waiting, lowBlockerNew);
    // Not a blocker: related edges do not block.
    depend(f, waiting, f.create("related"), DependencyKind.RELATED);
    close(f, closedBlocker);
    Issue started = update(f, lowBlocker, IssuePatch.EMPTY.withStatus(Status.IN_PROGRESS));

    assertThat(blockedEntry(waiting).blockers())
        .containsExactly(ref(criticalBlocker), ref(started), ref(lowBlockerNew));
  }

  @Test
  void blockedIsOrderedByPriorityThenAge() {
    Issue blocker = draft("blocker").priority(Priority.BACKLOG).create(f);
    Issue lowOld = draft("low old").priority(Priority.LOW).create(f);
    Issue highMarked =
        draft("high marked").priority(Priority.HIGH).status(Status.BLOCKED).create(f);
    Issue lowNew = draft("low new").priority(Priority.LOW).create(f);
    Issue critical = draft("critical").priority(Priority.CRITICAL).create(f);
    block(f, lowNew, blocker);
    block(f, critical, blocker);
    block(f, lowOld, blocker);

    assertThat(blockedIds())
        .containsExactly(critical.id(), highMarked.id(), lowOld.id(), lowNew.id());
    assertThat(f.store.queries().blocked(KEY, 2))
        .extracting(b -> b.issue().id())
        .containsExactly(critical.id(), highMarked.id());
  }

  @Test
  void unfinishedIssuesInAnyStatusWithOpenBlockersAreBlocked() {
    Issue blocker = f.create("blocker");
    Issue inProgress = draft("in progress").status(Status.IN_PROGRESS).create(f);
    Issue deferred = draft("deferred").status(Status.DEFERRED).create(f);
    Issue markedAndBlocked = draft("marked").status(Status.BLOCKED).create(f);
    block(f, inProgress, blocker);
    block(f, deferred, blocker);
    block(f, markedAndBlocked, blocker);

    assertThat(blockedIds()).containsExactly(inProgress.id(), deferred.id(), markedAndBlocked.id());
    assertThat(blockedEntry(markedAndBlocked).blockers()).containsExactly(ref(blocker));
  }

  @Test
  void closedIssuesAreNeverBlocked() {
    Issue blocker = f.create("blocker");
    Issue waiting = f.create("waiting");
    Issue markedThenClosed = draft("marked").status(Status.BLOCKED).create(f);
    block(f, waiting, blocker);
    close(f, waiting);
    close(f, markedThenClosed);

    assertThat(blocked()).isEmpty();
    reopen(f, waiting);
    assertThat(blockedIds()).containsExactly(waiting.id());
  }

  @Test
  void closingOrDeletingTheLastBlockerUnblocks() {
    Issue first = f.create("first blocker");
    Issue second = f.create("second blocker");
    Issue waiting = f.create("waiting");
    block(f, waiting, first);
    block(f, waiting, second);

    close(f, first);
    assertThat(blockedEntry(waiting).blockers())
        .extracting(IssueRef::id)
        .containsExactly(second.id());
    delete(f, second);
    assertThat(blocked()).isEmpty();
    assertThat(ready()).containsExactly(waiting.id());
  }

  @Test
  void deletedIssuesAreNeverBlocked() {
    Issue blocker = f.create("blocker");
    Issue waiting = f.create("waiting");
    Issue marked = draft("marked").status(Status.BLOCKED).create(f);
    block(f, waiting, blocker);
    delete(f, waiting);
    delete(f, marked);

    assertThat(blocked()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1001})
  void limitsOutOfBoundsAreRefused(int limit) {
    assertInvalid("limit", () -> f.store.queries().ready(KEY, limit));
    assertInvalid("limit", () -> f.store.queries().blocked(KEY, limit));
  }
}
