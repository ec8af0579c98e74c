package dev.tracker.bench.daemon;

import dev.tracker.core.paths.PathOverrides;
import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A daemon's directories under one short temporary directory (the socket path must stay under the
 * 107-byte limit of Unix sockets), laid out as the integration tests lay theirs out.
 */
record DaemonHome(Path base, RuntimePaths paths) {

  static DaemonHome create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    Path base = Files.createTempDirectory(parent, prefix);
    RuntimePaths paths =
        new RuntimePathResolver(Map.of(), base, 0)
            .resolve(
                new PathOverrides(
                    base.resolve("data"),
                    base.resolve("run"),
                    base.resolve("state"),
                    base.resolve("config"),
                    null));
    return new DaemonHome(base, paths);
  }

  Path socket() {
    return paths.socket();
  }

  /** The repository directory of the seeded project, when it has one. */
  Path repo() {
    return base.resolve("repo");
  }

  /** Where a child daemon's stdout and stderr go. */
  Path console() {
    return base.resolve("console.txt");
  }

  /** The daemon's own flags for this home: {@code run --runtime-dir ... --config-dir ...}. */
  List<String> daemonArgs() {
    return List.of(
        "run",
        "--runtime-dir",
        paths.runtimeDir().toString(),
        "--data-dir",
        paths.dataDir().toString(),
        "--state-dir",
        paths.stateDir().toString(),
        "--config-dir",
        paths.configDir().toString());
  }

  void delete() throws IOException {
    if (!Files.exists(base)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
