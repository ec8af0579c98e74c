package dev.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuePatchTest {
  @Test
  void emptyChangesNothing() {
    assertThat(IssuePatch.EMPTY)
        .isEqualTo(new IssuePatch(null, null, null, null, null, null, null, null, null));
  }

  @Test
  void eachWitherSetsOnlyItsField() {
    assertThat(IssuePatch.EMPTY.withTitle("t"))
        .isEqualTo(new IssuePatch("t", null, null, null, null, null, null, null, null));
    assertThat(IssuePatch.EMPTY.withDescription("d"))
        .isEqualTo(new IssuePatch(null, "d", null, null, null, null, null, null, null));
    assertThat(IssuePatch.EMPTY.withStatus(Status.CLOSED))
        .isEqualTo(new IssuePatch(null, null, Status.CLOSED, null, null, null, null, null, null));
    assertThat(IssuePatch.EMPTY.withPriority(Priority.LOW))
        .isEqualTo(new IssuePatch(null, null, null, Priority.LOW, null, null, null, null, null));
    assertThat(IssuePatch.EMPTY.withType(IssueType.EPIC))
        .isEqualTo(new IssuePatch(null, null, null, null, IssueType.EPIC, null, null, null, null));
    assertThat(IssuePatch.EMPTY.withAssignee("ada"))
        .isEqualTo(new IssuePatch(null, null, null, null, null, "ada", null, null, null));
    assertThat(IssuePatch.EMPTY.withParent("trk-p1"))
        .isEqualTo(new IssuePatch(null, null, null, null, null, null, "trk-p1", null, null));
    assertThat(IssuePatch.EMPTY.withLabels(List.of("ui")))
        .isEqualTo(new IssuePatch(null, null, null, null, null, null, null, List.of("ui"), null));
    assertThat(IssuePatch.EMPTY.withCloseReason("done"))
        .isEqualTo(new IssuePatch(null, null, null, null, null, null, null, null, "done"));
  }

  @Test
  void withersChainAndKeepEarlierChanges() {
    IssuePatch patch =
        IssuePatch.EMPTY.withTitle("t").withStatus(Status.CLOSED).withCloseReason("fixed");
    assertThat(patch)
        .isEqualTo(new IssuePatch("t", null, Status.CLOSED, null, null, null, null, null, "fixed"));
    assertThat(IssuePatch.EMPTY.title()).isNull();
  }
}
