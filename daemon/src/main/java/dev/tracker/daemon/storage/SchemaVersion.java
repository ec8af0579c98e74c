package dev.tracker.daemon.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Whether the database already carries every migration this build ships. Loading and running Flyway
 * cost the daemon about a second at every start, although after the first start of a version there
 * is nothing to migrate; {@link Database} runs Flyway only when this says the schema is behind.
 */
final class SchemaVersion {
  /** The highest {@code V<n>__*.sql} under {@code db/migration}; a test keeps the two in step. */
  static final int LATEST = 3;

  private SchemaVersion() {}

  /**
   * True only when Flyway's history shows no failed migration and its highest applied version is
   * {@link #LATEST}. Anything else (a new file, no history table, a failed or newer migration) is
   * left to Flyway, which knows how to migrate, repair or refuse it.
   */
  static boolean isCurrent(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (!historyExists(statement)) {
        return false;
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT max(CAST(version AS INTEGER)), sum(success = 0) FROM flyway_schema_history"
                  + " WHERE version IS NOT NULL")) {
        return rows.next() && rows.getInt(1) == LATEST && rows.getInt(2) == 0;
      }
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean historyExists(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
      return rows.next();
    }
  }
}
