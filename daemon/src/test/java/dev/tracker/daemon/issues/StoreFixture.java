package dev.tracker.daemon.issues;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.NewProject;
import dev.tracker.core.model.Issue;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A real SQLite file in a temporary directory with the whole store over it, a hand-moved clock and
 * a seeded random source. Tests own one per test and close it.
 */
public final class StoreFixture implements AutoCloseable {
  public static final String KEY = "trk";
  public static final String ACTOR = "alice";

  public final Path file;
  public final Database database;
  public final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  public final IssueStore store;

  public StoreFixture(Path directory) {
    this(directory, true);
  }

  private StoreFixture(Path directory, boolean createProject) {
    this.file = directory.resolve("tracker.db");
    this.database = Database.open(DatabaseSettings.defaults(file));
    this.store = new IssueStore(database, clock, new SplittableRandom(42));
    if (createProject) {
      store.projects().create(new NewProject(KEY, "Tracker", null));
    }
  }

  /** Opens a database a previous fixture in {@code directory} created and closed. */
  public static StoreFixture reopen(Path directory) {
    return new StoreFixture(directory, false);
  }

  /** Creates an issue one second after the previous one, so creation order is unambiguous. */
  public Issue create(String title) {
    return create(IssueDraft.titled(title));
  }

  public Issue create(IssueDraft draft) {
    clock.advance(Duration.ofSeconds(1));
    return store.issues().create(KEY, draft, ACTOR);
  }

  public void tick() {
    clock.advance(Duration.ofSeconds(1));
  }

  @Override
  public void close() {
    database.close();
  }
}
