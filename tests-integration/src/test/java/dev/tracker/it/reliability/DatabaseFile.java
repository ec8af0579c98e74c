package dev.tracker.it.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The daemon's SQLite file read directly, as a crash left it, while no daemon runs: one read-only
 * connection, closed before this returns (so before the next daemon starts).
 */
record DatabaseFile(List<String> integrity, Map<String, String> issues) {

  /** {@code PRAGMA integrity_check} and the live issues (id to title) of project {@code key}. */
  static DatabaseFile read(Path file, String key) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> integrity = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
        while (rows.next()) {
          integrity.add(rows.getString(1));
        }
      }
      Map<String, String> issues = new TreeMap<>();
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT i.id, i.title FROM issue i JOIN project p ON p.id = i.project_id"
                  + " WHERE p.key = ? AND i.deleted_at IS NULL")) {
        query.setString(1, key);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            issues.put(rows.getString(1), rows.getString(2));
          }
        }
      }
      return new DatabaseFile(integrity, issues);
    }
  }
}
