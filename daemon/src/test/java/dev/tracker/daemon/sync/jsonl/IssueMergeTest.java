package dev.tracker.daemon.sync.jsonl;

import static dev.tracker.daemon.sync.jsonl.Lines.from;
import static dev.tracker.daemon.sync.jsonl.Lines.issue;
import static dev.tracker.daemon.sync.jsonl.Lines.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every merge rule as a row: base (or none), ours, theirs, and the one expected result, which must
 * come out the same with the sides swapped.
 */
class IssueMergeTest {
  private static final DependencyKind BLOCKS = DependencyKind.BLOCKS;
  private static final DependencyKind RELATED = DependencyKind.RELATED;
  private static final DependencyKind FOUND = DependencyKind.DISCOVERED_FROM;

  /** The common ancestor of most rows. */
  static IssueLine base() {
    return issue("trk-a1")
        .title("Base")
        .description("base text")
        .labels("keep", "gone")
        .dependsOn("trk-b2", BLOCKS)
        .comment("c1", "alice", "first", 1)
        .updated(1)
        .build();
  }

  static Lines.Builder edit() {
    return from(base());
  }

  record Row(String rule, IssueLine base, IssueLine ours, IssueLine theirs, IssueLine expected) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Row row(
      String rule, IssueLine base, IssueLine ours, IssueLine theirs, IssueLine expected) {
    return new Row(rule, base, ours, theirs, expected);
  }

  static List<Row> rows() {
    IssueLine b = base();
    List<Row> rows = new ArrayList<>();

    // Scalars, three-way.
    rows.add(
        row(
            "only one side changed: that side",
            b,
            edit().title("Ours").updated(5).build(),
            b,
            edit().title("Ours").updated(5).build()));
    rows.add(
        row(
            "different fields changed on each side: both changes",
            b,
            edit().title("Ours").updated(5).build(),
            edit().priority(0).updated(3).build(),
            edit().title("Ours").priority(0).updated(5).build()));
    rows.add(
        row(
            "one side changed a field, the later side did not: the change, however old",
            b,
            edit().title("Ours").updated(5).build(),
            edit().description("theirs").updated(9).build(),
            edit().title("Ours").description("theirs").updated(9).build()));
    rows.add(
        row(
            "both changed a field: the later updatedAt wins",
            b,
            edit().title("Ours").assignee("olga").updated(5).build(),
            edit().title("Theirs").assignee("tom").updated(7).build(),
            edit().title("Theirs").assignee("tom").updated(7).build()));
    rows.add(
        row(
            "both changed it to the same value: that value",
            b,
            edit().title("Same").updated(5).build(),
            edit().title("Same").priority(4).updated(7).build(),
            edit().title("Same").priority(4).updated(7).build()));
    rows.add(
        row(
            "both changed a field at the same instant: the larger JSON text, on either side",
            b,
            edit().title("Alpha").updated(5).build(),
            edit().title("Beta").updated(5).build(),
            edit().title("Beta").updated(5).build()));
    rows.add(
        row(
            "a tie between a value and no value: the value",
            b,
            edit().description(null).updated(5).build(),
            edit().description("rewritten").updated(5).build(),
            edit().description("rewritten").updated(5).build()));
    rows.add(
        row(
            "no base: every scalar from the later side, even one only the earlier side set",
            null,
            edit().title("Ours").assignee("olga").updated(5).build(),
            edit().title("Theirs").priority(3).updated(7).build(),
            edit().title("Theirs").priority(3).updated(7).build()));
    rows.add(
        row(
            "createdAt: the earlier; updatedAt: the later",
            null,
            issue("trk-a1").created(2).updated(4).build(),
            issue("trk-a1").created(0).updated(3).build(),
            issue("trk-a1").created(0).updated(4).build()));

    // Status, closedAt and closeReason travel together.
    IssueLine closedBase = edit().closed(2, "old reason").updated(2).build();
    rows.add(
        row(
            "closed on one side: closed with its closedAt and reason",
            b,
            edit().closed(5, "done").updated(5).build(),
            edit().title("Theirs").updated(7).build(),
            edit().title("Theirs").closed(5, "done").updated(7).build()));
    rows.add(
        row(
            "reopened later than the reason was edited: open, no stale reason",
            closedBase,
            from(closedBase).status(Status.OPEN).updated(5).build(),
            from(closedBase).closed(2, "better reason").updated(3).build(),
            from(closedBase).status(Status.OPEN).updated(5).build()));
    rows.add(
        row(
            "reason edited later than the reopening: closed, its closedAt kept",
            closedBase,
            from(closedBase).status(Status.OPEN).updated(3).build(),
            from(closedBase).closed(2, "better reason").updated(5).build(),
            from(closedBase).closed(2, "better reason").updated(5).build()));
    rows.add(
        row(
            "no base, closed later than moved to in_progress: closed with closedAt",
            null,
            edit().status(Status.IN_PROGRESS).updated(4).build(),
            edit().closed(6, "done").updated(6).build(),
            edit().closed(6, "done").updated(6).build()));

    // Labels and dependencies: three-way set merge with a base, union without.
    rows.add(
        row(
            "labels: added on either side kept, removed on one side and kept on the other gone",
            b,
            edit().withoutLabel("gone").labels("ours").updated(5).build(),
            edit().labels("theirs").updated(4).build(),
            edit().withoutLabel("gone").labels("ours", "theirs").updated(5).build()));
    rows.add(
        row(
            "labels: removed on both sides gone, added on both sides once",
            b,
            edit().withoutLabel("gone").labels("both").updated(5).build(),
            edit().withoutLabel("gone").labels("both").priority(1).updated(4).build(),
            edit().withoutLabel("gone").labels("both").priority(1).updated(5).build()));
    rows.add(
        row(
            "labels without a base: the union",
            null,
            edit().withoutLabel("gone").labels("ours").updated(5).build(),
            edit().labels("theirs").updated(4).build(),
            edit().labels("ours", "theirs").updated(5).build()));
    rows.add(
        row(
            "dependencies: three-way set merge",
            b,
            edit()
                .withoutDependency("trk-b2", BLOCKS)
                .dependsOn("trk-c3", RELATED)
                .updated(5)
                .build(),
            edit().dependsOn("trk-d4", FOUND).updated(6).build(),
            edit()
                .withoutDependency("trk-b2", BLOCKS)
                .dependsOn("trk-c3", RELATED)
                .dependsOn("trk-d4", FOUND)
                .updated(6)
                .build()));
    rows.add(
        row(
            "dependencies without a base: the union",
            null,
            edit()
                .withoutDependency("trk-b2", BLOCKS)
                .dependsOn("trk-c3", RELATED)
                .updated(5)
                .build(),
            edit().dependsOn("trk-c3", BLOCKS).updated(6).build(),
            edit().dependsOn("trk-c3", RELATED).dependsOn("trk-c3", BLOCKS).updated(6).build()));
    rows.add(
        row(
            "parent is a scalar",
            b,
            edit().parent("trk-e1").updated(5).build(),
            edit().labels("x").updated(6).build(),
            edit().parent("trk-e1").labels("x").updated(6).build()));

    // Comments, by id.
    rows.add(
        row(
            "comments added on both sides: all of them",
            b,
            edit().comment("c2", "olga", "ours", 4).updated(4).build(),
            edit().comment("c3", "tom", "theirs", 3).updated(3).build(),
            edit()
                .comment("c2", "olga", "ours", 4)
                .comment("c3", "tom", "theirs", 3)
                .updated(4)
                .build()));
    rows.add(
        row(
            "comment deleted on one side, untouched on the other: deleted",
            b,
            edit().withoutComment("c1").updated(4).build(),
            edit().title("Theirs").updated(5).build(),
            edit().withoutComment("c1").title("Theirs").updated(5).build()));
    rows.add(
        row(
            "comment deleted on one side, changed on the other: the changed one",
            b,
            edit().withoutComment("c1").updated(4).build(),
            edit()
                .withoutComment("c1")
                .comment("c1", "alice", "first, edited", 1)
                .updated(5)
                .build(),
            edit()
                .withoutComment("c1")
                .comment("c1", "alice", "first, edited", 1)
                .updated(5)
                .build()));
    rows.add(
        row(
            "comment changed on one side only: the changed one",
            b,
            edit()
                .withoutComment("c1")
                .comment("c1", "alice", "first, edited", 1)
                .updated(4)
                .build(),
            edit().title("Theirs").updated(5).build(),
            edit()
                .withoutComment("c1")
                .comment("c1", "alice", "first, edited", 1)
                .title("Theirs")
                .updated(5)
                .build()));
    rows.add(
        row(
            "comment changed differently on both sides: the larger JSON text",
            b,
            edit().withoutComment("c1").comment("c1", "alice", "first, A", 1).updated(4).build(),
            edit().withoutComment("c1").comment("c1", "alice", "first, B", 1).updated(5).build(),
            edit().withoutComment("c1").comment("c1", "alice", "first, B", 1).updated(5).build()));
    rows.add(
        row(
            "comments without a base: the union, a missing comment is not a deletion",
            null,
            edit().withoutComment("c1").comment("c2", "olga", "ours", 4).updated(4).build(),
            edit().comment("c3", "tom", "theirs", 3).updated(3).build(),
            edit()
                .comment("c2", "olga", "ours", 4)
                .comment("c3", "tom", "theirs", 3)
                .updated(4)
                .build()));

    // Tombstones.
    rows.add(
        row(
            "deleted on one side, untouched on the other: deleted",
            b,
            edit().deleted(9).build(),
            b,
            edit().deleted(9).build()));
    rows.add(
        row(
            "deleted versus modified (base known): kept, with every change of the live side",
            b,
            edit().deleted(9).build(),
            edit()
                .title("Theirs")
                .labels("added")
                .comment("c9", "tom", "still needed", 5)
                .updated(5)
                .build(),
            edit()
                .title("Theirs")
                .labels("added")
                .comment("c9", "tom", "still needed", 5)
                .updated(9)
                .build()));
    rows.add(
        row(
            "no base, modified after the deletion: kept with the new labels and comments",
            null,
            edit().deleted(5).build(),
            edit().labels("added").comment("c9", "tom", "still needed", 7).updated(7).build(),
            edit().labels("added").comment("c9", "tom", "still needed", 7).updated(7).build()));
    rows.add(
        row(
            "no base, modified before the deletion: a tombstone that still holds every label and"
                + " comment",
            null,
            edit().deleted(9).build(),
            edit().labels("added").comment("c9", "tom", "late note", 7).updated(7).build(),
            edit().labels("added").comment("c9", "tom", "late note", 7).deleted(9).build()));
    rows.add(
        row(
            "no base, modified at the very instant of the deletion: deleted",
            null,
            edit().deleted(7).build(),
            edit().title("Theirs").updated(7).build(),
            edit().title("Theirs").deleted(7).build()));
    rows.add(
        row(
            "deleted on both sides: the later deletedAt",
            b,
            edit().deleted(9).build(),
            edit().deleted(12).build(),
            edit().deleted(12).build()));
    rows.add(
        row(
            "deleted on both sides, no base: the later deletedAt",
            null,
            edit().deleted(12).build(),
            edit().deleted(9).build(),
            edit().deleted(12).build()));
    IssueLine tombstone = edit().deleted(3).build();
    rows.add(
        row(
            "restored on one side from a deleted base: kept",
            tombstone,
            tombstone,
            from(tombstone).labels("restored").restored().updated(6).build(),
            from(tombstone).labels("restored").restored().updated(6).build()));
    return rows;
  }

  static Stream<Arguments> table() {
    return rows().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void theRuleHoldsWhicheverSideIsOurs(Row row) {
    assertThat(IssueMerge.merge(row.base(), row.ours(), row.theirs()))
        .as("merge(base, ours, theirs)")
        .isEqualTo(row.expected());
    assertThat(IssueMerge.merge(row.base(), row.theirs(), row.ours()))
        .as("merge(base, theirs, ours)")
        .isEqualTo(row.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void mergingAVersionWithItselfGivesItBack(Row row) {
    for (IssueLine x : new IssueLine[] {row.ours(), row.theirs(), row.expected()}) {
      assertThat(IssueMerge.merge(row.base(), x, x)).isEqualTo(x);
      assertThat(IssueMerge.merge(null, x, x)).isEqualTo(x);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void theResultIsAValidLine(Row row) throws Exception {
    byte[] written =
        JsonlCodec.write(List.of(IssueMerge.merge(row.base(), row.ours(), row.theirs())));
    assertThat(JsonlCodec.read(written)).containsExactly(row.expected());
  }

  @Test
  void aDeletionNeverDropsWhatTheOtherSideAdded() {
    // The best-known peer's driver let the deletion win and lost labels and comments.
    IssueLine deleted = edit().deleted(4).build();
    IssueLine annotated =
        edit().labels("urgent").comment("c7", "tom", "this still happens", 6).updated(6).build();

    for (IssueLine ancestor : new IssueLine[] {base(), null}) {
      for (IssueLine merged :
          List.of(
              IssueMerge.merge(ancestor, deleted, annotated),
              IssueMerge.merge(ancestor, annotated, deleted))) {
        assertThat(merged.deletedAt()).isNull();
        assertThat(merged.labels()).contains("urgent", "keep", "gone");
        assertThat(merged.comments()).extracting(CommentLine::id).containsExactly("c1", "c7");
      }
    }
  }

  @Test
  void filesMergeIssueByIssue() {
    IssueLine a = base();
    IssueLine b = issue("trk-b2").build();
    IssueLine c = issue("trk-c3").build();
    IssueLine d = issue("trk-d4").build();
    List<IssueLine> ancestor = List.of(a, b, c);
    // ours: edits a, removed b's line by hand, adds d; theirs: edits a, removed c's line by hand.
    List<IssueLine> ours = List.of(d, from(a).title("Ours").updated(5).build(), c);
    List<IssueLine> theirs = List.of(from(a).priority(0).updated(6).build(), b);

    List<IssueLine> expected =
        List.of(from(a).title("Ours").priority(0).updated(6).build(), b, c, d);
    assertThat(IssueMerge.merge(ancestor, ours, theirs)).isEqualTo(expected);
    assertThat(IssueMerge.merge(ancestor, theirs, ours)).isEqualTo(expected);
    assertThat(IssueMerge.merge(ancestor, ours, ours))
        .isEqualTo(ours.stream().sorted((x, y) -> x.id().compareTo(y.id())).toList());
  }

  @Test
  void aLineRemovedByHandOnBothSidesStaysOut() {
    IssueLine a = base();
    IssueLine b = issue("trk-b2").build();

    assertThat(IssueMerge.merge(List.of(a, b), List.of(a), List.of(a))).containsExactly(a);
  }

  @Test
  void withoutAnAncestorFilesAreUnitedAndMergedByLastWriter() {
    IssueLine ours = issue("trk-a1").title("Ours").labels("o").updated(5).build();
    IssueLine theirs = issue("trk-a1").title("Theirs").labels("t").updated(6).build();
    IssueLine only = issue("trk-z9").build();

    assertThat(IssueMerge.merge(null, List.of(ours, only), List.of(theirs)))
        .containsExactly(issue("trk-a1").title("Theirs").labels("o", "t").updated(6).build(), only);
  }

  @Test
  void refusesWhatCannotBeMerged() {
    IssueLine a = issue("trk-a1").build();
    assertThatThrownBy(() -> IssueMerge.merge(null, List.of(a, a), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trk-a1 twice");
    assertThatThrownBy(() -> IssueMerge.merge(null, a, issue("trk-b2").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTieBreakDoesNotDependOnTheSide() {
    assertThat(t(0)).isEqualTo(Lines.T0);
    IssueLine x = issue("trk-a1").title("Alpha").priority(1).updated(5).build();
    IssueLine y = issue("trk-a1").title("Beta").priority(3).updated(5).build();

    assertThat(IssueMerge.merge(null, x, y)).isEqualTo(IssueMerge.merge(null, y, x));
  }
}
