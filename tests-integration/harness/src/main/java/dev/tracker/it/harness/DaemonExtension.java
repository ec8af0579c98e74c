package dev.tracker.it.harness;

import dev.tracker.core.paths.PathOverrides;
import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts an in-process daemon before each test, in a fresh temporary home with its own data,
 * runtime, state and config directories, and closes it (and its test client) after the test.
 */
public final class DaemonExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DaemonExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    // Short, so that the socket path stays far below the 107-byte limit of Unix sockets.
    Path home = Files.createTempDirectory(Path.of("/tmp"), "trk-it-");
    RuntimePaths paths = pathsUnder(home);
    context.getStore(LeakExtension.NAMESPACE).put(LeakExtension.RUNTIME_DIR, paths.runtimeDir());
    Daemon daemon = Daemon.start(DaemonOptions.defaults(paths));
    context.getStore(NAMESPACE).put(TestDaemon.class, new TestDaemon(home, paths, daemon));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    TestDaemon daemon = context.getStore(NAMESPACE).remove(TestDaemon.class, TestDaemon.class);
    if (daemon != null) {
      daemon.close();
      deleteRecursively(daemon.home());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDaemon.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(TestDaemon.class, TestDaemon.class);
  }

  /** The layout every test daemon (in-process or child process) uses under its home. */
  public static RuntimePaths pathsUnder(Path home) {
    return new RuntimePathResolver(Map.of(), home, 0)
        .resolve(
            new PathOverrides(
                home.resolve("data"),
                home.resolve("run"),
                home.resolve("state"),
                home.resolve("config"),
                null));
  }

  /** The {@code tracker-daemon run} options that put a child daemon's files under {@code paths}. */
  public static java.util.List<String> directoryOptions(RuntimePaths paths) {
    return java.util.List.of(
        "--runtime-dir",
        paths.runtimeDir().toString(),
        "--data-dir",
        paths.dataDir().toString(),
        "--state-dir",
        paths.stateDir().toString(),
        "--config-dir",
        paths.configDir().toString());
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
