package dev.tracker.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.model.DependencyKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueDraftTest {
  @Test
  void titledLeavesEverythingElseUnset() {
    IssueDraft draft = IssueDraft.titled("Fix login");
    assertThat(draft.title()).isEqualTo("Fix login");
    assertThat(draft.description()).isNull();
    assertThat(draft.status()).isNull();
    assertThat(draft.priority()).isNull();
    assertThat(draft.type()).isNull();
    assertThat(draft.assignee()).isNull();
    assertThat(draft.parent()).isNull();
    assertThat(draft.labels()).isEmpty();
    assertThat(draft.dependencies()).isEmpty();
  }

  @Test
  void listsAreUnmodifiableCopies() {
    List<String> labels = new ArrayList<>(List.of("ui"));
    List<DependencyDraft> deps =
        new ArrayList<>(List.of(new DependencyDraft(DependencyKind.BLOCKS, "trk-a1")));
    IssueDraft draft = new IssueDraft("t", null, null, null, null, null, labels, null, deps);
    labels.add("db");
    deps.clear();
    assertThat(draft.labels()).containsExactly("ui");
    assertThat(draft.dependencies())
        .containsExactly(new DependencyDraft(DependencyKind.BLOCKS, "trk-a1"));
    assertThatThrownBy(() -> draft.labels().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
