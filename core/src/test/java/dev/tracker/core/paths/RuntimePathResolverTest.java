package dev.tracker.core.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimePathResolverTest {
  private static final long UID = 4242;

  @TempDir Path home;

  private RuntimePaths resolve(Map<String, String> env) {
    return new RuntimePathResolver(env, home, UID).resolve(PathOverrides.NONE);
  }

  private RuntimePaths resolve(Map<String, String> env, PathOverrides overrides) {
    return new RuntimePathResolver(env, home, UID).resolve(overrides);
  }

  /** An absolute path string of exactly {@code bytes} UTF-8 bytes, ending in ".sock". */
  private static String socketOfBytes(int bytes) {
    return "/" + "x".repeat(bytes - 6) + ".sock";
  }

  private static int utf8(Path path) {
    return path.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static String expectedHash(Path requested) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(requested.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 12);
  }

  @Test
  void xdgDefaultsUnderTheHomeDirectory() {
    RuntimePaths paths = resolve(Map.of());
    assertThat(paths.dataDir()).isEqualTo(home.resolve(".local/share/tracker"));
    assertThat(paths.stateDir()).isEqualTo(home.resolve(".local/state/tracker"));
    assertThat(paths.configDir()).isEqualTo(home.resolve(".config/tracker"));
  }

  @Test
  void runtimeDefaultsToTmpWithTheUid() {
    RuntimePaths paths = resolve(Map.of());
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/tmp/tracker-4242"));
    assertThat(paths.socket()).isEqualTo(Path.of("/tmp/tracker-4242/daemon.sock"));
    assertThat(paths.socketFallback()).isFalse();
    assertThat(new RuntimePathResolver(Map.of(), home, 0).resolve(PathOverrides.NONE).runtimeDir())
        .isEqualTo(Path.of("/tmp/tracker-0"));
  }

  @Test
  void honoursXdgVariables() {
    RuntimePaths paths =
        resolve(
            Map.of(
                "XDG_DATA_HOME", "/xdg/data",
                "XDG_STATE_HOME", "/xdg/state",
                "XDG_CONFIG_HOME", "/xdg/config",
                "XDG_RUNTIME_DIR", "/run/user/4242"));
    assertThat(paths.dataDir()).isEqualTo(Path.of("/xdg/data/tracker"));
    assertThat(paths.stateDir()).isEqualTo(Path.of("/xdg/state/tracker"));
    assertThat(paths.configDir()).isEqualTo(Path.of("/xdg/config/tracker"));
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/run/user/4242/tracker"));
    assertThat(paths.socket()).isEqualTo(Path.of("/run/user/4242/tracker/daemon.sock"));
  }

  @Test
  void ignoresRelativeXdgValues() {
    RuntimePaths paths =
        resolve(
            Map.of(
                "XDG_DATA_HOME", "data",
                "XDG_STATE_HOME", "./state",
                "XDG_CONFIG_HOME", "~/.config",
                "XDG_RUNTIME_DIR", "run/user/4242",
                "TMPDIR", "tmp"));
    assertThat(paths.dataDir()).isEqualTo(home.resolve(".local/share/tracker"));
    assertThat(paths.stateDir()).isEqualTo(home.resolve(".local/state/tracker"));
    assertThat(paths.configDir()).isEqualTo(home.resolve(".config/tracker"));
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/tmp/tracker-4242"));
  }

  @Test
  void ignoresBlankVariables() {
    RuntimePaths paths =
        resolve(
            Map.of(
                "XDG_DATA_HOME", "",
                "XDG_RUNTIME_DIR", " ",
                "TRACKER_STATE_DIR", "",
                "TRACKER_CONFIG_DIR", "  ",
                "TRACKER_SOCKET", ""));
    assertThat(paths.dataDir()).isEqualTo(home.resolve(".local/share/tracker"));
    assertThat(paths.stateDir()).isEqualTo(home.resolve(".local/state/tracker"));
    assertThat(paths.configDir()).isEqualTo(home.resolve(".config/tracker"));
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/tmp/tracker-4242"));
    assertThat(paths.socket()).isEqualTo(Path.of("/tmp/tracker-4242/daemon.sock"));
  }

  @Test
  void runtimeFallsBackToTmpdirWithTheUid() {
    assertThat(resolve(Map.of("TMPDIR", "/var/tmp/")).runtimeDir())
        .isEqualTo(Path.of("/var/tmp/tracker-4242"));
  }

  @Test
  void xdgRuntimeDirWinsOverTmpdir() {
    assertThat(resolve(Map.of("TMPDIR", "/var/tmp", "XDG_RUNTIME_DIR", "/run/user/1")).runtimeDir())
        .isEqualTo(Path.of("/run/user/1/tracker"));
  }

  @Test
  void trackerVariablesOverrideXdgAndAreUsedAsGiven() {
    Map<String, String> env = new HashMap<>();
    env.put("XDG_DATA_HOME", "/xdg/data");
    env.put("XDG_STATE_HOME", "/xdg/state");
    env.put("XDG_CONFIG_HOME", "/xdg/config");
    env.put("XDG_RUNTIME_DIR", "/run/user/4242");
    env.put("TMPDIR", "/var/tmp");
    env.put("TRACKER_DATA_DIR", "/t/data");
    env.put("TRACKER_STATE_DIR", "/t/state");
    env.put("TRACKER_CONFIG_DIR", "/t/config");
    env.put("TRACKER_RUNTIME_DIR", "/t/run");
    RuntimePaths paths = resolve(env);
    assertThat(paths.dataDir()).isEqualTo(Path.of("/t/data"));
    assertThat(paths.stateDir()).isEqualTo(Path.of("/t/state"));
    assertThat(paths.configDir()).isEqualTo(Path.of("/t/config"));
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/t/run"));
    assertThat(paths.socket()).isEqualTo(Path.of("/t/run/daemon.sock"));
  }

  @Test
  void relativeTrackerVariablesAreMadeAbsolute() {
    RuntimePaths paths = resolve(Map.of("TRACKER_DATA_DIR", "rel/data"));
    assertThat(paths.dataDir()).isAbsolute().isEqualTo(Path.of("rel/data").toAbsolutePath());
  }

  @Test
  void honoursTrackerSocket() {
    RuntimePaths paths =
        resolve(Map.of("TRACKER_SOCKET", "/srv/t.sock", "XDG_RUNTIME_DIR", "/run/user/1"));
    assertThat(paths.socket()).isEqualTo(Path.of("/srv/t.sock"));
    assertThat(paths.socketFallback()).isFalse();
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/run/user/1/tracker"));
  }

  @Test
  void flagsOverrideEnvironment() {
    Map<String, String> env =
        Map.of(
            "TRACKER_DATA_DIR", "/env/data",
            "TRACKER_STATE_DIR", "/env/state",
            "TRACKER_CONFIG_DIR", "/env/config",
            "TRACKER_RUNTIME_DIR", "/env/run",
            "TRACKER_SOCKET", "/env/t.sock",
            "XDG_DATA_HOME", "/xdg/data");
    PathOverrides flags =
        new PathOverrides(
            Path.of("/flag/data"),
            Path.of("/flag/run"),
            Path.of("/flag/state"),
            Path.of("/flag/config"),
            Path.of("/flag/t.sock"));
    RuntimePaths paths = resolve(env, flags);
    assertThat(paths.dataDir()).isEqualTo(Path.of("/flag/data"));
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("/flag/run"));
    assertThat(paths.stateDir()).isEqualTo(Path.of("/flag/state"));
    assertThat(paths.configDir()).isEqualTo(Path.of("/flag/config"));
    assertThat(paths.socket()).isEqualTo(Path.of("/flag/t.sock"));
  }

  @Test
  void eachFlagOverridesOnlyItsOwnPath() {
    PathOverrides onlyData = new PathOverrides(Path.of("/flag/data"), null, null, null, null);
    RuntimePaths paths = resolve(Map.of("TRACKER_STATE_DIR", "/env/state"), onlyData);
    assertThat(paths.dataDir()).isEqualTo(Path.of("/flag/data"));
    assertThat(paths.stateDir()).isEqualTo(Path.of("/env/state"));
    assertThat(paths.configDir()).isEqualTo(home.resolve(".config/tracker"));
  }

  @Test
  void runtimeFlagMovesTheDefaultSocket() {
    PathOverrides runtime = new PathOverrides(null, Path.of("/flag/run"), null, null, null);
    assertThat(resolve(Map.of(), runtime).socket()).isEqualTo(Path.of("/flag/run/daemon.sock"));
  }

  @Test
  void relativeFlagsAreMadeAbsolute() {
    PathOverrides flags =
        new PathOverrides(
            Path.of("d"), Path.of("r"), Path.of("s"), Path.of("c"), Path.of("x.sock"));
    RuntimePaths paths = resolve(Map.of(), flags);
    assertThat(paths.dataDir()).isEqualTo(Path.of("d").toAbsolutePath());
    assertThat(paths.runtimeDir()).isEqualTo(Path.of("r").toAbsolutePath());
    assertThat(paths.stateDir()).isEqualTo(Path.of("s").toAbsolutePath());
    assertThat(paths.configDir()).isEqualTo(Path.of("c").toAbsolutePath());
    assertThat(paths.socket()).isEqualTo(Path.of("x.sock").toAbsolutePath());
  }

  @Test
  void derivedFilesSitInTheirDirectories() {
    RuntimePaths paths =
        resolve(
            Map.of(
                "TRACKER_DATA_DIR", "/t/data",
                "TRACKER_STATE_DIR", "/t/state",
                "TRACKER_CONFIG_DIR", "/t/config",
                "TRACKER_RUNTIME_DIR", "/t/run"));
    assertThat(paths.database()).isEqualTo(Path.of("/t/data/tracker.db"));
    assertThat(paths.lockFile()).isEqualTo(Path.of("/t/run/daemon.lock"));
    assertThat(paths.pidFile()).isEqualTo(Path.of("/t/run/daemon.pid"));
    assertThat(paths.logFile()).isEqualTo(Path.of("/t/state/daemon.log"));
    assertThat(paths.configFile()).isEqualTo(Path.of("/t/config/config.toml"));
  }

  @Test
  void copiesTheEnvironment() {
    Map<String, String> env = new HashMap<>(Map.of("TRACKER_DATA_DIR", "/before"));
    RuntimePathResolver resolver = new RuntimePathResolver(env, home, UID);
    env.put("TRACKER_DATA_DIR", "/after");
    assertThat(resolver.resolve(PathOverrides.NONE).dataDir()).isEqualTo(Path.of("/before"));
  }

  @Test
  void keepsASocketPathOfExactly107Bytes() {
    String socket = socketOfBytes(107);
    RuntimePaths paths = resolve(Map.of("TRACKER_SOCKET", socket));
    assertThat(utf8(paths.socket())).isEqualTo(107);
    assertThat(paths.socket()).isEqualTo(Path.of(socket));
    assertThat(paths.socketFallback()).isFalse();
  }

  @Test
  void replacesASocketPathOf108BytesWithAHashedOneInTheRuntimeDirectory() throws Exception {
    Path requested = Path.of(socketOfBytes(108));
    RuntimePaths paths =
        resolve(Map.of("TRACKER_SOCKET", requested.toString(), "TRACKER_RUNTIME_DIR", "/t/run"));
    assertThat(paths.socketFallback()).isTrue();
    assertThat(paths.socket()).isEqualTo(Path.of("/t/run/s-" + expectedHash(requested) + ".sock"));
    assertThat(paths.socket().getFileName().toString()).matches("s-[0-9a-f]{12}\\.sock");
  }

  @Test
  void theFallbackIsDeterministic() {
    Map<String, String> env =
        Map.of("TRACKER_SOCKET", socketOfBytes(150), "TRACKER_RUNTIME_DIR", "/t/run");
    RuntimePaths first = resolve(env);
    RuntimePaths second =
        new RuntimePathResolver(env, Path.of("/elsewhere"), 1).resolve(PathOverrides.NONE);
    assertThat(second.socket()).isEqualTo(first.socket());
    assertThat(second.socketFallback()).isTrue();

    RuntimePaths other =
        resolve(Map.of("TRACKER_SOCKET", socketOfBytes(151), "TRACKER_RUNTIME_DIR", "/t/run"));
    assertThat(other.socket()).isNotEqualTo(first.socket());
  }

  @Test
  void aRuntimeDirectoryTooLongForTheFallbackIsAnErrorNamingBothPaths() {
    // 96 + "/daemon.sock" = 108 bytes; the fallback "/s-<12 hex>.sock" is 20 bytes: 116. Too long.
    String runtime = "/" + "r".repeat(95);
    TrackerException e =
        catchThrowableOfType(
            TrackerException.class, () -> resolve(Map.of("TRACKER_RUNTIME_DIR", runtime)));
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .contains(runtime + "/daemon.sock", runtime + "/s-", "107", "108 bytes", "116");
    assertThat(e.code()).isSameAs(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void countsBytesNotCharacters() {
    // Both paths have 57 characters; "é" is two bytes in UTF-8, so they have 107 and 108 bytes.
    String kept = "/" + "é".repeat(50) + "x.sock";
    assertThat(kept.length()).isEqualTo(57);
    assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSize(107);
    RuntimePaths keptPaths = resolve(Map.of("TRACKER_SOCKET", kept));
    assertThat(keptPaths.socket()).isEqualTo(Path.of(kept));
    assertThat(keptPaths.socketFallback()).isFalse();

    String tooLong = "/" + "é".repeat(51) + ".sock";
    assertThat(tooLong.length()).isEqualTo(57);
    assertThat(tooLong.getBytes(StandardCharsets.UTF_8)).hasSize(108);
    RuntimePaths fellBack = resolve(Map.of("TRACKER_SOCKET", tooLong));
    assertThat(fellBack.socketFallback()).isTrue();
    assertThat(fellBack.socket().getParent()).isEqualTo(Path.of("/tmp/tracker-4242"));
  }
}
