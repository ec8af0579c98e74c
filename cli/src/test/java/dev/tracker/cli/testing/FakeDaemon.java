package dev.tracker.cli.testing;

import dev.tracker.cli.client.RecordedRequest;
import dev.tracker.cli.client.ScriptedHttpServer;
import dev.tracker.cli.client.ServerConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A daemon stand-in on a real Unix socket: answers {@code GET /v1/health} with a chosen version,
 * other requests from a table of canned answers ("METHOD path" to status and body), and anything
 * else with a 404 problem. {@code POST /v1/shutdown} removes the socket, as a stopping daemon does.
 */
public final class FakeDaemon implements AutoCloseable {
  public static final long FAKE_PID = Long.MAX_VALUE;

  private final ScriptedHttpServer server;
  private final Path socket;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private volatile String version;
  private volatile int apiVersion = 1;
  private volatile boolean shutdownRequested;

  record Answer(int status, String body) {}

  private FakeDaemon(Path socket, String version) throws IOException {
    this.socket = socket;
    this.version = version;
    Files.createDirectories(socket.getParent());
    this.server = ScriptedHttpServer.unix(socket, this::serve);
  }

  public static FakeDaemon start(Path socket, String version) throws IOException {
    return new FakeDaemon(socket, version);
  }

  public FakeDaemon apiVersion(int api) {
    this.apiVersion = api;
    return this;
  }

  /** Answers {@code method path} (path with its query) with {@code status} and {@code body}. */
  public FakeDaemon on(String method, String path, int status, String body) {
    answers.put(method + " " + path, new Answer(status, body));
    return this;
  }

  public FakeDaemon problem(String method, String path, int status, String code, String detail) {
    return on(
        method,
        path,
        status,
        "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":"
            + status
            + ",\"code\":\""
            + code
            + "\",\"detail\":\""
            + detail
            + "\"}");
  }

  public List<RecordedRequest> requests() {
    return server.requests();
  }

  /** The requests other than health checks, as "METHOD target". */
  public List<String> calls() {
    return server.requests().stream()
        .filter(r -> !r.target().equals("/v1/health"))
        .map(r -> r.method() + " " + r.target())
        .toList();
  }

  public RecordedRequest last(String method, String target) {
    return server.requests().stream()
        .filter(r -> r.method().equals(method) && r.target().equals(target))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + method + " " + target + " in " + calls()));
  }

  public boolean shutdownRequested() {
    return shutdownRequested;
  }

  private void serve(ServerConnection connection) throws IOException {
    for (RecordedRequest request = connection.readRequest();
        request != null;
        request = connection.readRequest()) {
      String key = request.method() + " " + request.target();
      if (key.equals("GET /v1/health")) {
        reply(
            connection,
            200,
            "{\"status\":\"ok\",\"version\":\""
                + version
                + "\",\"apiVersion\":"
                + apiVersion
                + ",\"pid\":"
                + FAKE_PID
                + ",\"uptimeSeconds\":3}");
      } else if (key.equals("POST /v1/shutdown")) {
        shutdownRequested = true;
        reply(connection, 202, "{\"status\":\"stopping\"}");
        Files.deleteIfExists(socket);
        return;
      } else {
        Answer answer = answers.get(key);
        if (answer == null) {
          reply(
              connection,
              404,
              "{\"status\":404,\"code\":\"not_found\",\"detail\":\"no route " + key + "\"}");
        } else {
          reply(connection, answer.status(), answer.body());
        }
      }
    }
  }

  private static void reply(ServerConnection connection, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String type = status >= 400 ? "application/problem+json" : "application/json";
    connection.send(
        "HTTP/1.1 "
            + status
            + " X\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n");
    connection.send(bytes);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
