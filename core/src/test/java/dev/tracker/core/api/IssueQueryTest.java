package dev.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueQueryTest {
  @Test
  void nullCollectionsBecomeEmptyAndSortDefaultsToPriority() {
    IssueQuery query =
        new IssueQuery(
            null, null, null, null, null, false, null, null, null, null, null, null, null, null,
            null, null, null);
    assertThat(query.statuses()).isEmpty();
    assertThat(query.allLabels()).isEmpty();
    assertThat(query.anyLabels()).isEmpty();
    assertThat(query.sort()).isSameAs(IssueSort.PRIORITY);
    assertThat(query.limit()).isNull();
  }

  @Test
  void emptyBuilderMatchesTheDefaults() {
    IssueQuery query = IssueQuery.builder().build();
    assertThat(query.statuses()).isEmpty();
    assertThat(query.sort()).isSameAs(IssueSort.PRIORITY);
    assertThat(query.unassigned()).isFalse();
    assertThat(query.text()).isNull();
    assertThat(query.cursor()).isNull();
  }

  @Test
  void builderSetsEveryField() {
    Instant t1 = Instant.parse("2024-01-01T00:00:00Z");
    Instant t2 = Instant.parse("2024-02-01T00:00:00Z");
    Instant t3 = Instant.parse("2024-03-01T00:00:00Z");
    Instant t4 = Instant.parse("2024-04-01T00:00:00Z");
    IssueQuery query =
        IssueQuery.builder()
            .statuses(Status.OPEN, Status.BLOCKED)
            .priorities(Priority.CRITICAL, Priority.MEDIUM)
            .type(IssueType.BUG)
            .assignee("ada")
            .unassigned()
            .allLabels("ui", "db")
            .anyLabels("p1")
            .parent("trk-ep1c")
            .created(t1, t2)
            .updated(t3, t4)
            .text("crash")
            .sort(IssueSort.UPDATED)
            .limit(25)
            .cursor("abc")
            .build();
    assertThat(query.statuses()).containsExactlyInAnyOrder(Status.OPEN, Status.BLOCKED);
    assertThat(query.minPriority()).isSameAs(Priority.CRITICAL);
    assertThat(query.maxPriority()).isSameAs(Priority.MEDIUM);
    assertThat(query.type()).isSameAs(IssueType.BUG);
    assertThat(query.assignee()).isEqualTo("ada");
    assertThat(query.unassigned()).isTrue();
    assertThat(query.allLabels()).containsExactlyInAnyOrder("ui", "db");
    assertThat(query.anyLabels()).containsExactly("p1");
    assertThat(query.parent()).isEqualTo("trk-ep1c");
    assertThat(query.createdSince()).isEqualTo(t1);
    assertThat(query.createdBefore()).isEqualTo(t2);
    assertThat(query.updatedSince()).isEqualTo(t3);
    assertThat(query.updatedBefore()).isEqualTo(t4);
    assertThat(query.text()).isEqualTo("crash");
    assertThat(query.sort()).isSameAs(IssueSort.UPDATED);
    assertThat(query.limit()).isEqualTo(25);
    assertThat(query.cursor()).isEqualTo("abc");
  }

  @Test
  void setsAreUnmodifiableCopies() {
    Set<String> labels = new HashSet<>(Set.of("ui"));
    IssueQuery query =
        new IssueQuery(
            null, null, null, null, null, false, labels, null, null, null, null, null, null, null,
            null, null, null);
    labels.add("db");
    assertThat(query.allLabels()).containsExactly("ui");
    assertThatThrownBy(() -> query.allLabels().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
