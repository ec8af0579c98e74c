package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.NewComment;
import dev.tracker.core.api.NewProject;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseSettings;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure this project exists to prevent: an engine per use, never fully closed, piling up
 * threads and descriptors until the machine gives out. Opening, using and closing the store many
 * times in one JVM must leave exactly what was there before, every single time.
 */
@ExtendWith(LeakExtension.class)
class StoreReopenLeakTest {
  private static final int CYCLES = 25;

  @TempDir Path dir;

  @BeforeAll
  static void loadNativeLibraryOnce(@TempDir Path warm) {
    Database.open(DatabaseSettings.defaults(warm.resolve("warm.db"))).close();
  }

  @Test
  void everyOpenUseCloseCycleGivesEverythingBack() throws IOException {
    Path file = dir.resolve("tracker.db");
    ResourceSnapshot baseline = ResourceSnapshot.take();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      try (Database database = Database.open(DatabaseSettings.defaults(file))) {
        exercise(IssueStore.over(database), cycle);
      }
      ResourceSnapshot after = ResourceSnapshot.awaitBackTo(baseline);
      assertThat(after.threads())
          .as("tracker threads after cycle %d", cycle)
          .isEqualTo(baseline.threads());
      assertThat(after.openFiles())
          .as("open files after cycle %d", cycle)
          .isEqualTo(baseline.openFiles());
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("files after cycle %d", cycle)
            .containsExactly("tracker.db");
      }
    }
    try (Database database = Database.open(DatabaseSettings.defaults(file))) {
      long issues =
          database.read(
              s -> s.createNativeQuery("SELECT count(*) FROM issue", Long.class).getSingleResult());
      assertThat(issues).isEqualTo(CYCLES * 3L);
    }
  }

  private static void exercise(IssueStore store, int cycle) {
    if (cycle == 0) {
      store.projects().create(new NewProject("leak", "Leak check", null));
    }
    Issue a = store.issues().create("leak", IssueDraft.titled("alpha " + cycle), "ci");
    Issue b = store.issues().create("leak", IssueDraft.titled("beta " + cycle), "ci");
    Issue c = store.issues().create("leak", IssueDraft.titled("gamma " + cycle), "ci");
    store.dependencies().add("leak", b.id(), a.id(), DependencyKind.BLOCKS, "ci");
    store.comments().add("leak", c.id(), new NewComment(null, "comment " + cycle), "ci");
    store.issues().close("leak", List.of(a.id()), "done", "ci");
    assertThat(store.queries().ready("leak", null)).extracting(Issue::id).contains(b.id(), c.id());
    assertThat(store.queries().search("leak", "gamma", null)).isNotEmpty();
    assertThat(store.queries().list("leak", IssueQuery.builder().limit(10).build()).items())
        .isNotEmpty();
  }
}
