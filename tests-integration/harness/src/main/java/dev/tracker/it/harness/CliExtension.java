package dev.tracker.it.harness;

import dev.tracker.core.paths.CurrentUser;
import dev.tracker.core.paths.PathOverrides;
import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link CliRunner} for the packaged {@code bin/tracker}.
 *
 * <p>With {@link DaemonExtension} registered before it ({@link CliTest}), the CLI talks to the
 * test's in-process daemon: its {@code TRACKER_*_DIR} variables name that daemon's directories, and
 * {@code TRACKER_NO_AUTOSTART=1} makes sure a mistake never spawns a daemon of its own. Without one
 * ({@link SpawningCliTest}), the test gets a fresh home with only the XDG variables set, as a user
 * has, and the CLI starts real daemons; after the test every daemon whose environment names that
 * home is ended, and a test that left one running fails.
 *
 * <p>Either way, after the test every CLI process still running is killed and reaped, and no daemon
 * process of the test's home may be left.
 */
public final class CliExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CliExtension.class);
  private static final ExtensionContext.Namespace DAEMON_NAMESPACE =
      ExtensionContext.Namespace.create(DaemonExtension.class);

  /** The class-data archive cache shared by every CLI child; see tests-integration/pom.xml. */
  public static final String CACHE_PROPERTY = "tracker.e2e.cache";

  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Path dist = CliRunner.distribution();
    TestDaemon daemon = context.getStore(DAEMON_NAMESPACE).get(TestDaemon.class, TestDaemon.class);
    Map<String, String> env;
    Path home;
    RuntimePaths paths;
    boolean ownHome = daemon == null;
    if (ownHome) {
      // Short, so that the socket path stays far below the 107-byte limit of Unix sockets.
      home = Files.createTempDirectory(Path.of("/tmp"), "trk-e2e-");
      env = xdgEnv(home);
      paths = xdgPaths(env, home);
      context.getStore(LeakExtension.NAMESPACE).put(LeakExtension.RUNTIME_DIR, paths.runtimeDir());
    } else {
      home = daemon.home();
      paths = daemon.paths();
      env = baseEnv(home);
      env.put(RuntimePathResolver.DATA_DIR_ENV, paths.dataDir().toString());
      env.put(RuntimePathResolver.RUNTIME_DIR_ENV, paths.runtimeDir().toString());
      env.put(RuntimePathResolver.STATE_DIR_ENV, paths.stateDir().toString());
      env.put(RuntimePathResolver.CONFIG_DIR_ENV, paths.configDir().toString());
      env.put("TRACKER_NO_AUTOSTART", "1");
    }
    Path work = Files.createDirectories(home.resolve("work"));
    CliRunner.Session session = new CliRunner.Session(dist, home, paths);
    context.getStore(NAMESPACE).put(State.class, new State(session, ownHome));
    context.getStore(NAMESPACE).put(CliRunner.class, new CliRunner(session, env, work));
  }

  private record State(CliRunner.Session session, boolean ownHome) {}

  /**
   * A runner in {@code home} with only the XDG variables set, as a user has, so that the CLI starts
   * its own daemons there; the caller ends them and deletes the home.
   */
  static CliRunner spawningRunner(Path home) throws IOException {
    Map<String, String> env = xdgEnv(home);
    CliRunner.Session session =
        new CliRunner.Session(CliRunner.distribution(), home, xdgPaths(env, home));
    return new CliRunner(session, env, Files.createDirectories(home.resolve("work")));
  }

  private static Map<String, String> xdgEnv(Path home) throws IOException {
    Map<String, String> env = baseEnv(home);
    Path xdg = home.resolve("xdg");
    env.put("XDG_DATA_HOME", Files.createDirectories(xdg.resolve("data")).toString());
    env.put("XDG_STATE_HOME", Files.createDirectories(xdg.resolve("state")).toString());
    env.put("XDG_CONFIG_HOME", Files.createDirectories(xdg.resolve("config")).toString());
    Path runtime = Files.createDirectories(xdg.resolve("run"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    return env;
  }

  private static RuntimePaths xdgPaths(Map<String, String> env, Path home) {
    return new RuntimePathResolver(env, home, CurrentUser.uid()).resolve(PathOverrides.NONE);
  }

  /** What every CLI child gets: nothing from the developer's environment. */
  private static Map<String, String> baseEnv(Path home) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("TRACKER_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("XDG_CACHE_HOME", sharedCache().toString());
    env.put("COLUMNS", "160");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "Test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "Test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    return env;
  }

  /**
   * One class-data archive cache for the whole suite, under the build's target directory: the
   * launcher records each program's archive once and every later CLI and daemon maps it.
   */
  public static Path sharedCache() {
    String property = System.getProperty(CACHE_PROPERTY);
    Path cache =
        property == null || property.isBlank() ? Path.of("target", "e2e-cache") : Path.of(property);
    try {
      return Files.createDirectories(cache.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the archive cache " + cache, e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    State state = context.getStore(NAMESPACE).remove(State.class, State.class);
    context.getStore(NAMESPACE).remove(CliRunner.class);
    if (state == null) {
      return;
    }
    CliRunner.Session session = state.session();
    List<String> problems = new ArrayList<>();
    int running = session.reap();
    if (running > 0) {
      problems.add(running + " tracker process(es) still running after the test (killed)");
    }
    List<Long> daemons = DaemonProcesses.under(session.home);
    if (!daemons.isEmpty()) {
      List<Long> stubborn = DaemonProcesses.end(daemons, Duration.ofSeconds(15));
      problems.add(
          "daemon process(es) "
              + daemons
              + " still running after the test (ended"
              + (stubborn.isEmpty() ? "" : "; these would not die: " + stubborn)
              + ")");
    }
    if (state.ownHome()) {
      problems.addAll(runtimeLeftovers(session.paths.runtimeDir()));
      DaemonExtension.deleteRecursively(session.home);
    }
    if (!problems.isEmpty() && context.getExecutionException().isEmpty()) {
      throw new AssertionError("the test left things behind:\n" + String.join("\n", problems));
    }
  }

  private static List<String> runtimeLeftovers(Path runtimeDir) throws IOException {
    if (!Files.isDirectory(runtimeDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runtimeDir)) {
      return files
          .filter(f -> !f.getFileName().toString().equals("daemon.lock"))
          .map(f -> "runtime file " + f.getFileName() + " left in " + runtimeDir)
          .toList();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CliRunner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(CliRunner.class, CliRunner.class);
  }
}
