package dev.tracker.it.harness;

import dev.tracker.cli.client.Response;
import dev.tracker.cli.client.SocketHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test's HTTP view of its daemon, over the real socket with the CLI's own client. */
public final class Api implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SocketHttpClient client;

  public Api(Path socket) {
    this.client =
        new SocketHttpClient(
            UnixDomainSocketAddress.of(socket), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** The status of {@code GET /v1/health} on {@code socket}, or -1 while nothing answers there. */
  public static int healthStatus(Path socket) {
    try (Api api = new Api(socket)) {
      return api.get("/v1/health").status();
    } catch (RuntimeException notYet) {
      return -1;
    }
  }

  /**
   * Waits until {@code socket} answers {@code /v1/health} with 200. Fails, with what {@code output}
   * gives (the daemon's output), if {@code daemon} exits first or {@code limit} runs out.
   */
  public static void awaitHealthy(
      Process daemon, Path socket, Duration limit, Supplier<String> output)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!daemon.isAlive()) {
        throw new AssertionError(
            "the daemon exited with "
                + daemon.exitValue()
                + " before it answered:\n"
                + output.get());
      }
      if (Files.exists(socket) && healthStatus(socket) == 200) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError(
        "the daemon did not answer within " + limit.toSeconds() + " s:\n" + output.get());
  }

  public Reply get(String path) {
    return send("GET", path, Map.of(), null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, Map.of(), body);
  }

  public Reply patch(String path, Object body, Map<String, String> headers) {
    return send("PATCH", path, headers, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, Map.of(), null);
  }

  /** {@code body}: null for none, a String sent as is, anything else rendered as JSON. */
  public Reply send(String method, String path, Map<String, String> headers, Object body) {
    byte[] bytes =
        body == null
            ? null
            : body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
    try {
      return new Reply(client.send(method, path, headers, bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response with its body parsed on demand. */
  public record Reply(Response response) {
    public int status() {
      return response.status();
    }

    public JsonNode json() {
      return JSON.readTree(response.body());
    }

    public String text() {
      return response.bodyText();
    }

    public String header(String name) {
      return response.header(name).orElse(null);
    }

    @Override
    public String toString() {
      return response.status() + " " + response.bodyText();
    }
  }
}
