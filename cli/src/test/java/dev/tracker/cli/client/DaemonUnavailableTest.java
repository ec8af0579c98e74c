package dev.tracker.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.cli.client.DaemonUnavailableException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class DaemonUnavailableTest extends ServerFixture {

  private static DaemonUnavailableException failureOf(SocketAddress address, Duration timeout) {
    try (SocketHttpClient client = new SocketHttpClient(address, timeout, timeout)) {
      client.send("GET", "/v1/health", null, null);
    } catch (DaemonUnavailableException expected) {
      return expected;
    } catch (IOException other) {
      throw new AssertionError("expected DaemonUnavailableException", other);
    }
    throw new AssertionError("the request succeeded");
  }

  @Test
  void aMissingSocketFileMeansNoSocket() {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("daemon.sock"));

    DaemonUnavailableException failure = failureOf(address, Duration.ofSeconds(1));

    assertThat(failure.reason()).isEqualTo(Reason.NO_SOCKET);
    assertThat(failure.address()).isEqualTo(address);
    assertThat(failure).hasMessageContaining("no daemon socket at");
  }

  @Test
  void aMissingRuntimeDirectoryMeansNoSocketToo() {
    UnixDomainSocketAddress address =
        UnixDomainSocketAddress.of(dir.resolve("not-yet/daemon.sock"));

    assertThat(failureOf(address, Duration.ofSeconds(1)).reason()).isEqualTo(Reason.NO_SOCKET);
  }

  @Test
  void aSocketFileNobodyListensOnIsRefused() throws IOException {
    Path stale = dir.resolve("daemon.sock");
    // A daemon that died without cleaning up leaves its socket file behind.
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(stale));
    }
    assertThat(Files.exists(stale)).isTrue();

    DaemonUnavailableException failure =
        failureOf(UnixDomainSocketAddress.of(stale), Duration.ofSeconds(1));

    assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
    assertThat(failure).hasMessageContaining("no daemon listens on");
  }

  @Test
  void aClosedLoopbackPortIsRefused() throws IOException {
    SocketAddress closedPort;
    try (ServerSocketChannel gone = ServerSocketChannel.open()) {
      gone.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      closedPort = gone.getLocalAddress();
    }

    assertThat(failureOf(closedPort, Duration.ofSeconds(1)).reason()).isEqualTo(Reason.REFUSED);
  }

  /** Linux refuses a non-blocking connect to a full Unix listen queue with EAGAIN. */
  @Test
  @EnabledOnOs(OS.LINUX)
  void aDaemonThatAcceptsNothingTimesOut() throws IOException {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("busy.sock"));
    List<SocketChannel> queued = new ArrayList<>();
    try (ServerSocketChannel busy = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      busy.bind(address, 1);
      fillListenQueue(address, queued);

      long start = System.nanoTime();
      DaemonUnavailableException failure = failureOf(address, Duration.ofMillis(300));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
      assertThat(failure).hasMessageContaining("did not accept within 300 ms");
      assertThat(elapsedMillis).isBetween(250L, 3_000L);
    } finally {
      for (SocketChannel channel : queued) {
        channel.close();
      }
    }
  }

  private static void fillListenQueue(SocketAddress address, List<SocketChannel> queued)
      throws IOException {
    for (int i = 0; i < 64; i++) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.configureBlocking(false);
      try {
        channel.connect(address);
        queued.add(channel);
      } catch (IOException full) {
        channel.close();
        return;
      }
    }
    throw new AssertionError("the listen queue never filled");
  }

  @Test
  void aDaemonThatStoppedBetweenRequestsIsReportedAsGone() throws Exception {
    serve(answeringEach(ok("up")));
    assertThat(get("/v1/health").bodyText()).isEqualTo("up");

    // Stopping removes the socket file, as the daemon does.
    server.close();
    server = null;

    assertThatThrownBy(() -> get("/v1/health"))
        .isInstanceOfSatisfying(
            DaemonUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_SOCKET));
  }

  @Test
  void loopbackTcpWorksLikeTheUnixSocket() throws Exception {
    server = ScriptedHttpServer.tcp(answeringEach(ok("over tcp")));
    client = new SocketHttpClient(server.address(), CONNECT_TIMEOUT, READ_TIMEOUT);

    for (int i = 0; i < 3; i++) {
      assertThat(get("/v1/health").bodyText()).isEqualTo("over tcp");
    }
    assertThat(client.send("POST", "/v1/issues", null, "{}".getBytes()).status()).isEqualTo(200);

    assertThat(server.acceptedConnections()).isEqualTo(1);
    assertThat(server.requests()).hasSize(4);
  }
}
