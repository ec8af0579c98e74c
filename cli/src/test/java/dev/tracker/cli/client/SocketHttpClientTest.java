package dev.tracker.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocketHttpClientTest extends ServerFixture {

  @Test
  void fiveRequestsShareOneConnection() throws Exception {
    serve(
        connection -> {
          for (RecordedRequest request = connection.readRequest();
              request != null;
              request = connection.readRequest()) {
            connection.send(ok("you asked for " + request.target()));
          }
        });

    for (int i = 1; i <= 5; i++) {
      Response response = get("/v1/issues/" + i);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("you asked for /v1/issues/" + i);
    }

    assertThat(server.requests()).hasSize(5);
    assertThat(server.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void aBodyIsSentAsJsonWithItsLengthOnAKeptAliveConnection() throws Exception {
    serve(answeringEach(ok("created")));

    byte[] body = "{\"title\":\"Fix the build\"}".getBytes(StandardCharsets.UTF_8);
    Response response = client.send("POST", "/v1/issues?project=x", Map.of(), body);

    assertThat(response.bodyText()).isEqualTo("created");
    RecordedRequest request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("/v1/issues?project=x");
    assertThat(request.header("host")).isEqualTo("localhost");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.header("content-length")).isEqualTo(String.valueOf(body.length));
    assertThat(request.header("connection")).isEqualTo("keep-alive");
    assertThat(request.body()).isEqualTo(body);
  }

  @Test
  void callerHeadersGoAlongAndMayReplaceHostAndContentType() throws Exception {
    serve(answeringEach(ok("")));

    client.send(
        "PUT",
        "/v1/raw",
        Map.of("Content-Type", "text/plain", "Host", "tracker", "If-Match", "\"3\""),
        "plain".getBytes(StandardCharsets.UTF_8));

    RecordedRequest request = server.requests().get(0);
    assertThat(request.header("content-type")).isEqualTo("text/plain");
    assertThat(request.header("host")).isEqualTo("tracker");
    assertThat(request.header("if-match")).isEqualTo("\"3\"");
    assertThat(request.bodyText()).isEqualTo("plain");
  }

  @Test
  void withoutABodyGetSendsNoLengthButPostSendsZero() throws Exception {
    serve(answeringEach(ok("")));

    get("/v1/health");
    client.send("POST", "/v1/shutdown", null, null);

    RecordedRequest get = server.requests().get(0);
    assertThat(get.header("content-length")).isNull();
    assertThat(get.header("content-type")).isNull();
    RecordedRequest post = server.requests().get(1);
    assertThat(post.header("content-length")).isEqualTo("0");
    assertThat(post.header("content-type")).isNull();
  }

  @Test
  void requestsThatCouldSmuggleAnotherAreRefusedBeforeConnecting() throws Exception {
    serve(answeringEach(ok("")));

    assertThatThrownBy(() -> get("/v1/issues HTTP/1.1\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> get("v1/issues")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send("GET", "/", Map.of("X-Id", "1\r\nX-Evil: 2"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send("GET", "/", Map.of("Bad Name", "1"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.send("GET", "/", Map.of("Content-Length", "5"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set by the client");
    assertThatThrownBy(() -> client.send("GE T", "/", null, null))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(server.acceptedConnections()).isZero();
  }

  @Test
  void closeEndsTheConnectionSoTheServerSeesTheEndOfTheStream() throws Exception {
    CountDownLatch endOfStream = new CountDownLatch(1);
    serve(
        connection -> {
          connection.readRequest();
          connection.send(ok("hello"));
          connection.awaitEndOfStream();
          endOfStream.countDown();
        });
    assertThat(get("/v1/health").bodyText()).isEqualTo("hello");

    client.close();

    assertThat(endOfStream.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closeIsIdempotentAndTheClientRefusesFurtherRequests() throws Exception {
    serve(answeringEach(ok("hello")));
    get("/v1/health");

    client.close();
    client.close();

    assertThatThrownBy(() -> get("/v1/health")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingAClientThatNeverConnectedDoesNothing() throws Exception {
    SocketHttpClient unused =
        new SocketHttpClient(
            UnixDomainSocketAddress.of(dir.resolve("never.sock")),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    unused.close();
    unused.close();
  }

  @Test
  void theDaemonIsNeverReachedOverANetwork() {
    assertThatThrownBy(
            () ->
                new SocketHttpClient(
                    new InetSocketAddress("192.0.2.1", 8080),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(
            () ->
                new SocketHttpClient(
                    UnixDomainSocketAddress.of(dir.resolve("x.sock")),
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
