package dev.tracker.daemon.storage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the database is opened. SQLite allows one writer at a time, so a small pool is enough: more
 * connections only add waiting writers.
 *
 * @param busyTimeout how long a writer waits for the lock before the caller gets a "busy" error
 */
public record DatabaseSettings(Path file, int poolSize, Duration busyTimeout) {

  public static DatabaseSettings defaults(Path file) {
    return new DatabaseSettings(file, 4, Duration.ofSeconds(10));
  }

  public DatabaseSettings {
    if (poolSize < 2 || poolSize > 8) {
      throw new IllegalArgumentException("poolSize must be 2 to 8, got " + poolSize);
    }
  }
}
