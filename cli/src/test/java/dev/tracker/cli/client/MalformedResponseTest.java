package dev.tracker.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedResponseTest extends ServerFixture {

  /** Sends {@code bad} to the first request and a good response to every later one. */
  private void serveBadThenGood(String bad) throws IOException {
    serve(
        connection -> {
          if (connection.index() == 1) {
            connection.readRequest();
            connection.sendIgnoringFailure(bad);
            connection.awaitEndOfStream();
          } else {
            answeringEach(ok("good")).run(connection);
          }
        });
  }

  private void assertFailsThenRecovers(String messagePart) throws IOException {
    assertThatThrownBy(() -> get("/bad"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(DaemonUnavailableException.class)
        .hasMessageContaining(messagePart);
    // The broken connection is dropped; the next request gets a fresh one.
    assertThat(get("/good").bodyText()).isEqualTo("good");
    assertThat(server.acceptedConnections()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200OK\r\n\r\n",
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.2 200 OK\r\n\r\n",
        "HTTP/1.1 999 Nope\r\n\r\n",
        "HTTP/1.1 20\r\n\r\n",
        "\r\n"
      })
  void aMalformedStatusLineIsRejected(String response) throws Exception {
    serveBadThenGood(response);
    assertFailsThenRecovers("malformed status line");
  }

  @Test
  void aHeaderSectionOver64KibIsRejected() throws Exception {
    serveBadThenGood(
        "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(70 * 1024) + "\r\nContent-Length: 0\r\n\r\n");
    assertFailsThenRecovers("header section exceeds the limit of 65536 bytes");
  }

  @Test
  void manySmallHeadersCountTowardsTheSameLimit() throws Exception {
    serveBadThenGood(
        "HTTP/1.1 200 OK\r\n"
            + "X-Small: 0123456789\r\n".repeat(4000)
            + "Content-Length: 0\r\n\r\n");
    assertFailsThenRecovers("header section exceeds the limit");
  }

  @Test
  void anUnendingStatusLineIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 " + "x".repeat(70 * 1024));
    assertFailsThenRecovers("status line exceeds the limit of 65536 bytes");
  }

  @Test
  void aMalformedHeaderLineIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n");
    assertFailsThenRecovers("malformed header line");
  }

  @Test
  void aFoldedHeaderLineIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 0\r\n\r\n");
    assertFailsThenRecovers("folded header line");
  }

  @Test
  void aContentLengthOverTheBodyLimitIsRejectedBeforeReading() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nContent-Length: 67108865\r\n\r\n");
    assertFailsThenRecovers("exceeds the limit of 67108864");
  }

  @Test
  void aChunkOverTheBodyLimitIsRejectedBeforeReading() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4000001\r\n");
    assertFailsThenRecovers("exceeds the limit of 67108864");
  }

  @Test
  void aMalformedContentLengthIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n");
    assertFailsThenRecovers("malformed Content-Length");
  }

  @Test
  void conflictingContentLengthsAreRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
    assertFailsThenRecovers("conflicting Content-Length");
  }

  @Test
  void aMalformedChunkSizeIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    assertFailsThenRecovers("malformed chunk size");
  }

  @Test
  void aChunkLongerThanDeclaredIsRejected() throws Exception {
    serveBadThenGood(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n");
    assertFailsThenRecovers("chunk data longer than its declared size 3");
  }

  @Test
  void anUnsupportedTransferCodingIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
    assertFailsThenRecovers("unsupported transfer coding");
  }

  @Test
  void aBodyCutShortIsReported() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        });

    assertThatThrownBy(() -> get("/cut"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("connection closed after 3 of 10 bytes of the body");
  }

  @Test
  void aChunkedBodyCutShortIsReported() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
        });

    assertThatThrownBy(() -> get("/cut"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("connection closed after 2 of 5 bytes of the chunk");
  }

  @Test
  void anUpgradeIsRejected() throws Exception {
    serveBadThenGood("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n");
    assertFailsThenRecovers("101");
  }
}
