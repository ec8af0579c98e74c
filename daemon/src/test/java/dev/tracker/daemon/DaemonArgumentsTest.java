package dev.tracker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.http.HttpSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonArgumentsTest {
  @Test
  void defaultsAreForegroundSyncOnNoTcpNoIdleTimeout() {
    DaemonArguments parsed = DaemonArguments.parse(List.of("run"));
    assertThat(parsed.detached()).isFalse();
    assertThat(parsed.syncEnabled()).isTrue();
    assertThat(parsed.gitCommit()).isFalse();
    assertThat(parsed.tcpPort()).isEqualTo(HttpSettings.TCP_OFF);
    assertThat(parsed.idleTimeout()).isEqualTo(Duration.ZERO);
    assertThat(parsed.maxConnections()).isEqualTo(HttpSettings.DEFAULT_MAX_CONNECTIONS);
    assertThat(parsed.connectionIdleTimeout()).isEqualTo(HttpSettings.DEFAULT_IDLE_TIMEOUT);
    assertThat(parsed.socketActivation()).isFalse();
  }

  @Test
  void socketActivationIsAnOptionOfItsOwnThatDetachedExcludes() {
    DaemonArguments parsed = DaemonArguments.parse(List.of("run", "--socket-activation"));
    assertThat(parsed.socketActivation()).isTrue();
    RuntimePaths paths =
        new RuntimePathResolver(Map.of(), Path.of("/home/u"), 1000).resolve(parsed.paths());
    assertThat(parsed.options(paths).socketActivated()).isTrue();
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--socket-activation", "--detached")))
        .hasMessageContaining("--detached and --socket-activation exclude each other");
  }

  @Test
  void everyFlagIsRead() {
    DaemonArguments parsed =
        DaemonArguments.parse(
            List.of(
                "--detached",
                "--idle-timeout",
                "30m",
                "--tcp-port",
                "0",
                "--no-sync",
                "--git-commit",
                "--max-connections",
                "7",
                "--connection-idle-timeout",
                "2s",
                "--socket",
                "/s/d.sock",
                "--runtime-dir",
                "/r",
                "--data-dir",
                "/d",
                "--state-dir",
                "/st",
                "--config-dir",
                "/c"));
    assertThat(parsed.detached()).isTrue();
    assertThat(parsed.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(parsed.tcpPort()).isZero();
    assertThat(parsed.syncEnabled()).isFalse();
    assertThat(parsed.gitCommit()).isTrue();
    assertThat(parsed.maxConnections()).isEqualTo(7);
    assertThat(parsed.connectionIdleTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(parsed.paths().socket()).isEqualTo(Path.of("/s/d.sock"));
    assertThat(parsed.paths().runtimeDir()).isEqualTo(Path.of("/r"));
    assertThat(parsed.paths().configDir()).isEqualTo(Path.of("/c"));
  }

  @Test
  void connectionFlagsReachTheHttpSettings() {
    DaemonArguments parsed =
        DaemonArguments.parse(
            List.of(
                "--max-connections", "9",
                "--connection-idle-timeout", "PT0.5S",
                "--runtime-dir", "/r",
                "--data-dir", "/d",
                "--state-dir", "/st",
                "--config-dir", "/c"));
    RuntimePaths paths =
        new RuntimePathResolver(Map.of(), Path.of("/h"), 0).resolve(parsed.paths());
    HttpSettings http = parsed.options(paths).http();
    assertThat(http.maxConnections()).isEqualTo(9);
    assertThat(http.idleTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void durationsInEveryAcceptedForm() {
    assertThat(DaemonArguments.duration("f", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DaemonArguments.duration("f", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DaemonArguments.duration("f", "PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DaemonArguments.duration("f", "0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void malformedArgumentsNameTheFlag() {
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--idle-timeout", "soon")))
        .hasMessageContaining("--idle-timeout: 'soon' is not a duration");
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--tcp-port", "70000")))
        .hasMessageContaining("--tcp-port: '70000' is not a port");
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--max-connections", "0")))
        .hasMessageContaining("--max-connections: '0' is not a number from 1 to 100000");
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--connection-idle-timeout", "0")))
        .hasMessageContaining("--connection-idle-timeout must be more than 0");
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--socket")))
        .hasMessageContaining("--socket needs a value");
    assertThatThrownBy(() -> DaemonArguments.parse(List.of("--colour")))
        .hasMessageContaining("unknown argument '--colour'");
  }
}
