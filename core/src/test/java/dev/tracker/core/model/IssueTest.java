package dev.tracker.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueTest {
  private static Issue withLabels(List<String> labels) {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    return new Issue(
        "trk-a1b2",
        "trk",
        "Title",
        null,
        Status.OPEN,
        Priority.DEFAULT,
        IssueType.TASK,
        null,
        labels,
        null,
        now,
        now,
        null,
        null,
        null,
        1);
  }

  @Test
  void nullLabelsBecomeEmpty() {
    assertThat(withLabels(null).labels()).isEmpty();
  }

  @Test
  void labelsAreAnUnmodifiableCopy() {
    List<String> labels = new ArrayList<>(List.of("bug"));
    Issue issue = withLabels(labels);
    labels.add("ui");
    assertThat(issue.labels()).containsExactly("bug");
    assertThatThrownBy(() -> issue.labels().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
