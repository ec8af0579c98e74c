package dev.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.cli.client.Response;
import dev.tracker.cli.client.SocketHttpClient;
import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.http.HttpSettings;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The optional loopback TCP listener: token, Host check, loopback only, no CORS. */
@ExtendWith(LeakExtension.class)
class TcpAccessTest {
  private Path home;
  private RuntimePaths paths;
  private Daemon daemon;
  private SocketHttpClient client;
  private int port;
  private String token;

  @BeforeEach
  void start() throws Exception {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-tcp-");
    paths = DaemonExtension.pathsUnder(home);
    daemon =
        Daemon.start(
            DaemonOptions.defaults(paths)
                .withHttp(HttpSettings.defaults(paths.socket()).withTcpPort(0)));
    String address = Files.readString(paths.tcpFile()).strip();
    assertThat(address).startsWith("127.0.0.1:");
    port = Integer.parseInt(address.substring("127.0.0.1:".length()));
    token = Files.readString(paths.tokenFile()).strip();
    client =
        new SocketHttpClient(
            new InetSocketAddress("127.0.0.1", port),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    daemon.close();
    assertThat(Files.exists(paths.tokenFile())).as("token file removed").isFalse();
    assertThat(Files.exists(paths.tcpFile())).as("tcp file removed").isFalse();
    try (var walk = Files.walk(home)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void theTokenFileIsPrivate() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.tokenFile())))
        .isEqualTo("rw-------");
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void withoutTheTokenIs401() throws IOException {
    Response response = get(Map.of());
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).contains("Bearer");
    assertThat(response.bodyText()).contains("\"code\":\"unauthorized\"");
  }

  @Test
  void aWrongTokenIs401() throws IOException {
    assertThat(get(Map.of("Authorization", "Bearer " + token.substring(1) + "x")).status())
        .isEqualTo(401);
    assertThat(get(Map.of("Authorization", "Basic " + token)).status()).isEqualTo(401);
  }

  @Test
  void aForeignHostIs403EvenWithTheToken() throws IOException {
    Response response =
        get(Map.of("Authorization", "Bearer " + token, "Host", "evil.example:" + port));
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.bodyText()).contains("\"code\":\"forbidden\"");
  }

  @Test
  void theTokenAndALocalHostAreServedWithoutCorsHeaders() throws IOException {
    for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "LOCALHOST")) {
      Map<String, String> headers =
          new HashMap<>(Map.of("Authorization", "Bearer " + token, "Host", host));
      headers.put("Origin", "http://evil.example");
      Response response = get(headers);
      assertThat(response.status()).as(host).isEqualTo(200);
      assertThat(response.headers().keySet())
          .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }
  }

  @Test
  void theListenerIsBoundToLoopbackOnly() throws IOException {
    String portHex = String.format(Locale.ROOT, ":%04X", port);
    List<String> listening = new java.util.ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Files.readAllLines(Path.of(table)).stream()
          .skip(1)
          .map(line -> line.trim().split("\\s+"))
          .filter(columns -> columns[1].endsWith(portHex) && columns[3].equals("0A")) // 0A: LISTEN
          .forEach(columns -> listening.add(columns[1].substring(0, columns[1].indexOf(':'))));
    }
    // 127.0.0.1 as IPv4, or as the IPv4-mapped IPv6 address of a dual-stack socket.
    assertThat(listening)
        .isNotEmpty()
        .allMatch(
            address ->
                address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
  }

  private Response get(Map<String, String> headers) throws IOException {
    return client.send("GET", "/v1/health", headers, null);
  }
}
