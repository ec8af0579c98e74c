package dev.tracker.bench.daemon;

import dev.tracker.bench.Dataset;
import dev.tracker.daemon.issues.IssueStore;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Seeds a daemon home with the benchmark {@link Dataset} before any daemon runs on it: the store
 * creates and migrates the file, the project {@value Dataset#PROJECT} gets the home's repository as
 * its root (so the daemon's sync loop exports it, as it would a real project), and the store is
 * closed again so that the daemon can take the file.
 */
final class Seeded {
  private Seeded() {}

  /** Seeds {@code home}; returns the ids of the project's live (not deleted) issues. */
  static List<String> seed(DaemonHome home) throws IOException, SQLException {
    Files.createDirectories(home.repo());
    Path file = home.paths().database();
    long started = System.nanoTime();
    try (Database database = Database.open(DatabaseSettings.defaults(file))) {
      Dataset.seed(IssueStore.over(database), file, home.repo());
    }
    List<String> ids = liveIds(file);
    System.out.printf(
        "seeded %,d live issues of project %s (+ the chain project) in %.1f s%n",
        ids.size(), Dataset.PROJECT, (System.nanoTime() - started) / 1e9);
    return ids;
  }

  private static List<String> liveIds(Path file) throws SQLException {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    SQLiteDataSource source = new SQLiteDataSource(readOnly);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    List<String> ids = new ArrayList<>();
    try (Connection connection = source.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT i.id FROM issue i JOIN project p ON p.id = i.project_id"
                    + " WHERE p.key = ? AND i.deleted_at IS NULL ORDER BY i.id")) {
      select.setString(1, Dataset.PROJECT);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
