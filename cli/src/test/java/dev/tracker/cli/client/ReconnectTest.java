package dev.tracker.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReconnectTest extends ServerFixture {

  private static final byte[] JSON = "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void connectionCloseFromTheServerMakesTheNextRequestReconnect() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send(
              "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 9\r\n\r\nconnect "
                  + connection.index());
          connection.awaitEndOfStream();
        });

    assertThat(get("/a").bodyText()).isEqualTo("connect 1");
    assertThat(get("/b").bodyText()).isEqualTo("connect 2");
    assertThat(server.acceptedConnections()).isEqualTo(2);
  }

  /** The daemon's idle timeout closes connections the client still holds. */
  @Test
  void aConnectionTheServerClosedWhileIdleIsReplacedTransparently() throws Exception {
    CountDownLatch idleClosed = new CountDownLatch(1);
    serve(
        connection -> {
          connection.readRequest();
          connection.send(ok("first on " + connection.index()));
          if (connection.index() == 1) {
            connection.close();
            idleClosed.countDown();
          } else {
            answeringEach(ok("then on " + connection.index())).run(connection);
          }
        });
    assertThat(get("/a").bodyText()).isEqualTo("first on 1");
    assertThat(idleClosed.await(5, TimeUnit.SECONDS)).isTrue();

    // Not only a GET: nothing of this POST reaches the dead connection, so it is safe to send.
    assertThat(client.send("POST", "/v1/issues", null, JSON).bodyText()).isEqualTo("first on 2");
    assertThat(get("/b").bodyText()).isEqualTo("then on 2");
    assertThat(server.acceptedConnections()).isEqualTo(2);
    assertThat(server.requests()).hasSize(3);
  }

  /** The server closes just as the request arrives: the race the idle check cannot rule out. */
  @Test
  void aGetLostToAServerCloseAfterItWasWrittenIsSentAgain() throws Exception {
    serve(
        connection -> {
          if (connection.index() == 1) {
            connection.readRequest();
            connection.send(ok("first"));
            connection.readRequest();
            // closes without an answer
          } else {
            answeringEach(ok("again")).run(connection);
          }
        });
    assertThat(get("/a").bodyText()).isEqualTo("first");

    assertThat(get("/b").bodyText()).isEqualTo("again");

    assertThat(server.requests())
        .extracting(RecordedRequest::target)
        .containsExactly("/a", "/b", "/b");
    assertThat(server.acceptedConnections()).isEqualTo(2);
  }

  @Test
  void aPostLostAfterItWasWrittenIsNotSentAgainBecauseItMayHaveBeenApplied() throws Exception {
    serve(
        connection -> {
          if (connection.index() == 1) {
            connection.readRequest();
            connection.send(ok("first"));
            connection.readRequest();
            // closes without an answer
          } else {
            // A resent POST would get this answer and the test would see no failure.
            answeringEach(ok("applied twice")).run(connection);
          }
        });
    assertThat(get("/a").bodyText()).isEqualTo("first");

    assertThatThrownBy(() -> client.send("POST", "/v1/issues", null, JSON))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(DaemonUnavailableException.class)
        .hasMessageContaining("connection closed before the response");

    assertThat(server.requests())
        .extracting(RecordedRequest::method)
        .containsExactly("GET", "POST");
    assertThat(server.acceptedConnections()).isEqualTo(1);
    // The client stays usable: the next request connects afresh.
    assertThat(get("/c").bodyText()).isEqualTo("applied twice");
  }

  @Test
  void aFirstRequestOnAFreshConnectionIsNeverSentAgain() throws Exception {
    serve(
        connection -> {
          if (connection.index() == 1) {
            connection.readRequest();
          } else {
            answeringEach(ok("second connection")).run(connection);
          }
        });

    assertThatThrownBy(() -> get("/a"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("connection closed before the response");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aSilentServerTimesOutWithinTheReadTimeoutAndIsNotAskedAgain() throws Exception {
    CountDownLatch endOfStream = new CountDownLatch(1);
    serve(
        connection -> {
          connection.readRequest();
          connection.awaitEndOfStream();
          endOfStream.countDown();
        },
        Duration.ofMillis(500));

    long start = System.nanoTime();
    assertThatThrownBy(() -> get("/v1/slow"))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("did not answer within 500 ms");
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(elapsedMillis).isBetween(450L, 3_000L);
    // The client dropped the connection it gave up on.
    assertThat(endOfStream.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(server.requests()).hasSize(1);
    assertThat(server.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void aTimeoutOnAReusedConnectionIsNotRetriedEither() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send(ok("first"));
          connection.readRequest();
          connection.awaitEndOfStream();
        },
        Duration.ofMillis(300));
    assertThat(get("/a").bodyText()).isEqualTo("first");

    assertThatThrownBy(() -> get("/b")).isInstanceOf(SocketTimeoutException.class);
    assertThat(server.requests()).hasSize(2);
  }
}
