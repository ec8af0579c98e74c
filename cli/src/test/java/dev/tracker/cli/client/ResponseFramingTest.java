package dev.tracker.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseFramingTest extends ServerFixture {

  @Test
  void aContentLengthBodyArrivesByteForByte() throws Exception {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    serve(
        connection -> {
          while (connection.readRequest() != null) {
            connection.send("HTTP/1.1 200 OK\r\nContent-Length: 256\r\n\r\n");
            connection.send(body);
          }
        });

    assertThat(get("/a").body()).isEqualTo(body);
    assertThat(get("/b").body()).isEqualTo(body);
    assertThat(server.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void aBodyLargerThanTheInputBufferArrivesWhole() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024 + 7];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    serve(
        connection -> {
          connection.readRequest();
          connection.send("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n");
          connection.send(body);
          connection.awaitEndOfStream();
        });

    assertThat(get("/export").body()).isEqualTo(body);
  }

  @Test
  void chunkedBodiesWithExtensionsAndTrailersLeaveTheConnectionReusable() throws Exception {
    String chunked =
        "HTTP/1.1 200 OK\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Content-Type: application/json\r\n"
            + "\r\n"
            + "5;name=value\r\n"
            + "hello\r\n"
            + "7 ; quoted=\"a;b\"\r\n"
            + ", world\r\n"
            + "A\r\n"
            + "0123456789\r\n"
            + "0;last\r\n"
            + "X-Checksum: abc\r\n"
            + "X-Other: def\r\n"
            + "\r\n";
    serve(answeringEach(chunked));

    for (int i = 0; i < 3; i++) {
      Response response = get("/v1/issues");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("hello, world0123456789");
      assertThat(response.header("Content-Type")).hasValue("application/json");
      assertThat(response.header("x-checksum")).isEmpty();
    }
    assertThat(server.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void aChunkedResponseTrickledOneByteAtATimeIsReassembled() throws Exception {
    byte[] response =
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    serve(
        connection -> {
          while (connection.readRequest() != null) {
            for (byte b : response) {
              connection.send(new byte[] {b});
            }
          }
        });

    assertThat(get("/slow").bodyText()).isEqualTo("abcabcdefghijklmnopqrstuvwxyz");
    assertThat(get("/slow").bodyText()).isEqualTo("abcabcdefghijklmnopqrstuvwxyz");
    assertThat(server.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void manyLargeChunksAddUp() throws Exception {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    for (int chunk = 0; chunk < 40; chunk++) {
      byte[] data = new byte[10_000 + chunk];
      java.util.Arrays.fill(data, (byte) chunk);
      expected.writeBytes(data);
      wire.writeBytes(
          (Integer.toHexString(data.length).toUpperCase() + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      wire.writeBytes(data);
      wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    wire.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    serve(
        connection -> {
          while (connection.readRequest() != null) {
            connection.send(wire.toByteArray());
          }
        });

    assertThat(get("/big").body()).isEqualTo(expected.toByteArray());
  }

  @Test
  void withoutLengthOrChunksTheBodyEndsWhenTheServerCloses() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
        });

    assertThat(get("/a").bodyText()).isEqualTo("until the end");
    assertThat(get("/b").bodyText()).isEqualTo("until the end");
    assertThat(server.acceptedConnections()).isEqualTo(2);
  }

  @Test
  void headAndNoContentResponsesHaveNoBodyAndKeepTheConnection() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
          connection.readRequest();
          connection.send("HTTP/1.1 204 No Content\r\n\r\n");
          connection.readRequest();
          connection.send("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n");
          connection.readRequest();
          connection.send(ok("after"));
          connection.awaitEndOfStream();
        });

    Response head = client.send("HEAD", "/v1/issues/1", null, null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("content-length")).hasValue("1234");
    assertThat(head.body()).isEmpty();
    assertThat(client.send("DELETE", "/v1/issues/1", null, null).status()).isEqualTo(204);
    assertThat(get("/v1/issues/2").status()).isEqualTo(304);
    assertThat(get("/v1/issues/3").bodyText()).isEqualTo("after");
    assertThat(server.acceptedConnections()).isEqualTo(1);
  }

  @Test
  void interimResponsesAreSkipped() throws Exception {
    serve(
        answeringEach(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nX-A: b\r\n\r\n"
                + ok("final")));

    Response response = client.send("POST", "/v1/sync", null, "{}".getBytes());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("final");
    assertThat(response.header("x-a")).isEmpty();
  }

  @Test
  void headerNamesAreCaseInsensitiveAndRepeatedHeadersAreJoined() throws Exception {
    serve(
        answeringEach(
            "HTTP/1.1 404 Not Found\r\n"
                + "content-TYPE:application/problem+json\r\n"
                + "Vary: Accept\r\n"
                + "VARY:   Origin  \r\n"
                + "Content-Length: 2\r\n\r\n{}"));

    Response response = get("/v1/issues/zz");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    assertThat(response.header("vary")).hasValue("Accept, Origin");
    assertThat(response.headers()).containsKeys("content-type", "vary", "content-length");
    assertThat(response.bodyText()).isEqualTo("{}");
  }

  @Test
  void bareLineFeedsAndAMissingReasonPhraseAreTolerated() throws Exception {
    serve(answeringEach("HTTP/1.1 200\nContent-Length: 2\n\nok"));

    Response response = get("/lenient");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("ok");
  }

  @Test
  void anHttp10ResponseWithoutKeepAliveEndsTheConnection() throws Exception {
    serve(
        connection -> {
          connection.readRequest();
          connection.send("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
          connection.awaitEndOfStream();
        });

    assertThat(get("/a").bodyText()).isEqualTo("ok");
    assertThat(get("/b").bodyText()).isEqualTo("ok");
    assertThat(server.acceptedConnections()).isEqualTo(2);
  }
}
