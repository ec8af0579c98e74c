package dev.tracker.core.paths;

import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves {@link RuntimePaths} from flags, then {@code TRACKER_*} variables, then the XDG base
 * directory variables, then the XDG defaults under the home directory. XDG variables holding a
 * relative path are ignored, as the XDG specification requires.
 */
public final class RuntimePathResolver {
  public static final String DATA_DIR_ENV = "TRACKER_DATA_DIR";
  public static final String RUNTIME_DIR_ENV = "TRACKER_RUNTIME_DIR";
  public static final String STATE_DIR_ENV = "TRACKER_STATE_DIR";
  public static final String CONFIG_DIR_ENV = "TRACKER_CONFIG_DIR";
  public static final String SOCKET_ENV = "TRACKER_SOCKET";

  private final Map<String, String> env;
  private final Path home;
  private final long uid;

  public RuntimePathResolver(Map<String, String> env, Path home, long uid) {
    this.env = Map.copyOf(env);
    this.home = home;
    this.uid = uid;
  }

  /** The resolver for this process: its environment, {@code user.home} and real uid. */
  public static RuntimePathResolver forCurrentUser() {
    return new RuntimePathResolver(
        System.getenv(), Path.of(System.getProperty("user.home")), CurrentUser.uid());
  }

  public RuntimePaths resolve(PathOverrides overrides) {
    Path data =
        pick(overrides.dataDir(), DATA_DIR_ENV, "XDG_DATA_HOME", home.resolve(".local/share"));
    Path state =
        pick(overrides.stateDir(), STATE_DIR_ENV, "XDG_STATE_HOME", home.resolve(".local/state"));
    Path config =
        pick(overrides.configDir(), CONFIG_DIR_ENV, "XDG_CONFIG_HOME", home.resolve(".config"));
    Path runtime = runtimeDir(overrides.runtimeDir());
    Path requestedSocket =
        overrides.socket() != null
            ? overrides.socket()
            : envPath(SOCKET_ENV) != null ? envPath(SOCKET_ENV) : runtime.resolve("daemon.sock");
    SocketPaths.Fitted socket = SocketPaths.fit(requestedSocket.toAbsolutePath(), runtime);
    return new RuntimePaths(data, runtime, state, config, socket.path(), socket.fellBack());
  }

  private Path pick(Path flag, String trackerVar, String xdgVar, Path xdgDefault) {
    if (flag != null) {
      return flag.toAbsolutePath();
    }
    Path explicit = envPath(trackerVar);
    if (explicit != null) {
      return explicit;
    }
    Path xdg = absoluteEnvPath(xdgVar);
    return (xdg != null ? xdg : xdgDefault).resolve("tracker");
  }

  private Path runtimeDir(Path flag) {
    if (flag != null) {
      return flag.toAbsolutePath();
    }
    Path explicit = envPath(RUNTIME_DIR_ENV);
    if (explicit != null) {
      return explicit;
    }
    Path xdg = absoluteEnvPath("XDG_RUNTIME_DIR");
    if (xdg != null) {
      return xdg.resolve("tracker");
    }
    Path tmp = absoluteEnvPath("TMPDIR");
    return (tmp != null ? tmp : Path.of("/tmp")).resolve("tracker-" + uid);
  }

  private Path envPath(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
  }

  private Path absoluteEnvPath(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    Path path = Path.of(value);
    return path.isAbsolute() ? path : null;
  }
}
