package dev.tracker.cli.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A scripted server on a Unix socket in a temporary directory, and a client for it. */
abstract class ServerFixture {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;
  ScriptedHttpServer server;
  SocketHttpClient client;

  void serve(ScriptedHttpServer.Script script) throws IOException {
    serve(script, READ_TIMEOUT);
  }

  void serve(ScriptedHttpServer.Script script, Duration readTimeout) throws IOException {
    server = ScriptedHttpServer.unix(dir.resolve("daemon.sock"), script);
    client = new SocketHttpClient(server.address(), CONNECT_TIMEOUT, readTimeout);
  }

  /** Answers every request on a connection with {@code response} until the client closes. */
  static ScriptedHttpServer.Script answeringEach(String response) {
    return connection -> {
      while (connection.readRequest() != null) {
        connection.send(response);
      }
    };
  }

  static String ok(String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  Response get(String path) throws IOException {
    return client.send("GET", path, null, null);
  }

  @AfterEach
  void stopClientAndServer() throws Exception {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }
}
