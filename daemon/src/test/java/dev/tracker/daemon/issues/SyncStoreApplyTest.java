package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.model.Issue;
import dev.tracker.daemon.sync.jsonl.IssueLine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStoreApplyTest {
  @TempDir Path dir;
  StoreFixture f;
  SyncStore sync;

  @BeforeEach
  void open() {
    f = new StoreFixture(dir);
    sync = new SyncStore(f.database);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aMergeResultIsWrittenWhenNothingChangedSinceItsSnapshot() {
    Issue issue = f.create("before");
    SyncStore.Snapshot snapshot = sync.snapshot(StoreFixture.KEY);

    assertThat(sync.apply(StoreFixture.KEY, snapshot, retitled(snapshot, "from the file")))
        .isEqualTo(1);
    assertThat(f.store.issues().get(StoreFixture.KEY, issue.id()).title())
        .isEqualTo("from the file");
  }

  @Test
  void anApiWriteAfterTheSnapshotRollsTheMergeBackInsteadOfBeingOverwritten() {
    Issue issue = f.create("before");
    SyncStore.Snapshot snapshot = sync.snapshot(StoreFixture.KEY);
    f.tick();
    f.store
        .issues()
        .update(
            StoreFixture.KEY,
            issue.id(),
            IssuePatch.EMPTY.withTitle("edited meanwhile"),
            null,
            StoreFixture.ACTOR);

    assertThatThrownBy(
            () -> sync.apply(StoreFixture.KEY, snapshot, retitled(snapshot, "from the file")))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining("project 'trk' changed during the merge");
    assertThat(f.store.issues().get(StoreFixture.KEY, issue.id()).title())
        .isEqualTo("edited meanwhile");
  }

  private static List<IssueLine> retitled(SyncStore.Snapshot snapshot, String title) {
    IssueLine line = snapshot.lines().get(0);
    return List.of(
        new IssueLine(
            line.id(),
            title,
            line.description(),
            line.status(),
            line.priority(),
            line.type(),
            line.assignee(),
            line.labels(),
            line.parent(),
            line.createdAt(),
            line.updatedAt(),
            line.closedAt(),
            line.closeReason(),
            line.deletedAt(),
            line.dependencies(),
            line.comments()));
  }
}
