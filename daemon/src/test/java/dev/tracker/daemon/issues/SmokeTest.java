package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.NewComment;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.Priority;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path dir;

  @Test
  void roundTrip() {
    try (StoreFixture f = new StoreFixture(dir)) {
      Issue a = f.create("First issue about parsing");
      Issue b = f.create("Second issue");
      assertThat(a.id()).startsWith("trk-").hasSize(8);
      Issue updated =
          f.store
              .issues()
              .update(
                  "trk",
                  a.id(),
                  IssuePatch.EMPTY.withPriority(Priority.CRITICAL).withLabels(List.of("x", "y")),
                  a.version(),
                  "bob");
      assertThat(updated.version()).isEqualTo(a.version() + 1);
      assertThat(updated.labels()).containsExactly("x", "y");
      f.store.dependencies().add("trk", b.id(), a.id(), DependencyKind.BLOCKS, "bob");
      assertThat(f.store.queries().ready("trk", null))
          .extracting(Issue::id)
          .containsExactly(a.id());
      f.store
          .comments()
          .add("trk", b.id(), new NewComment(null, "a comment mentioning zebra"), "bob");
      assertThat(f.store.queries().search("trk", "zebra", null)).hasSize(1);
      assertThat(f.store.queries().list("trk", IssueQuery.builder().build()).items()).hasSize(2);
      assertThat(f.store.queries().history("trk", a.id())).isNotEmpty();
      assertThat(f.store.queries().stats("trk", 7).total()).isEqualTo(2);
    }
  }
}
