package dev.tracker.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SchemaVersionTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

  @TempDir Path dir;

  @Test
  void latestIsTheHighestMigrationShipped() throws IOException, URISyntaxException {
    Path migrations = Path.of(getClass().getResource("/db/migration").toURI());
    int highest;
    try (Stream<Path> files = Files.list(migrations)) {
      highest =
          files
              .map(file -> MIGRATION.matcher(file.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(match -> Integer.parseInt(match.group(1)))
              .max()
              .orElseThrow();
    }
    assertThat(SchemaVersion.LATEST).isEqualTo(highest);
  }

  @Test
  void anEmptyFileIsBehind() {
    assertThat(SchemaVersion.isCurrent(dataSource(dir.resolve("empty.db")))).isFalse();
  }

  @Test
  void aMigratedFileIsCurrent() {
    Path file = dir.resolve("tracker.db");
    Database.open(DatabaseSettings.defaults(file)).close();
    assertThat(SchemaVersion.isCurrent(dataSource(file))).isTrue();
  }

  @Test
  void aFailedMigrationInTheHistoryIsLeftToFlyway() throws Exception {
    Path file = dir.resolve("tracker.db");
    Database.open(DatabaseSettings.defaults(file)).close();
    execute(file, "UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
    assertThat(SchemaVersion.isCurrent(dataSource(file))).isFalse();
  }

  @Test
  void anOlderSchemaIsBehindAndTheNextOpenMigratesIt() throws Exception {
    Path file = dir.resolve("tracker.db");
    Database.open(DatabaseSettings.defaults(file)).close();
    // As if this file had been written by the build before the latest migration.
    execute(file, "DROP INDEX IF EXISTS issue_by_project_id");
    execute(
        file, "DELETE FROM flyway_schema_history WHERE version = '" + SchemaVersion.LATEST + "'");
    assertThat(SchemaVersion.isCurrent(dataSource(file))).isFalse();

    Database.open(DatabaseSettings.defaults(file)).close();
    assertThat(SchemaVersion.isCurrent(dataSource(file))).isTrue();
  }

  private static SQLiteDataSource dataSource(Path file) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file);
    return dataSource;
  }

  private static void execute(Path file, String sql) throws Exception {
    try (Connection connection = dataSource(file).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
