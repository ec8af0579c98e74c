package dev.tracker.core.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuntimePathsTest {
  private final RuntimePaths paths =
      new RuntimePaths(
          Path.of("/d"), Path.of("/r"), Path.of("/s"), Path.of("/c"), Path.of("/r/x.sock"), false);

  @Test
  void databaseIsInTheDataDirectory() {
    assertThat(paths.database()).isEqualTo(Path.of("/d/tracker.db"));
  }

  @Test
  void lockAndPidFilesAreInTheRuntimeDirectory() {
    assertThat(paths.lockFile()).isEqualTo(Path.of("/r/daemon.lock"));
    assertThat(paths.pidFile()).isEqualTo(Path.of("/r/daemon.pid"));
  }

  @Test
  void logIsInTheStateDirectory() {
    assertThat(paths.logFile()).isEqualTo(Path.of("/s/daemon.log"));
  }

  @Test
  void configFileIsInTheConfigDirectory() {
    assertThat(paths.configFile()).isEqualTo(Path.of("/c/config.toml"));
  }
}
