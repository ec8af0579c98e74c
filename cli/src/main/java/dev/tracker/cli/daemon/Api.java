package dev.tracker.cli.daemon;

import dev.tracker.cli.CliException;
import dev.tracker.cli.client.Response;
import dev.tracker.cli.client.SocketHttpClient;
import dev.tracker.cli.json.Json;
import dev.tracker.cli.json.JsonException;
import dev.tracker.cli.json.JsonObject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's v1 API as the commands use it: JSON in and out, errors as {@link CliException}s. The
 * first request makes sure a compatible daemon answers, starting one when allowed. One instance per
 * CLI process; it owns the process's only {@link SocketHttpClient} and closes it.
 */
public final class Api implements AutoCloseable {
  private final SocketHttpClient client;
  private final DaemonControl control;
  private final VersionCheck versions;
  private final boolean autoStart;
  private final String actor;
  private final Messages messages;
  private boolean contacted;
  private MissingProject missingProject;

  /** What to do when a request names a project the daemon does not know. */
  public interface MissingProject {
    /** The project's key. */
    String key();

    /** Registers the project; afterwards the failed request is sent once more. */
    void register(Api api);
  }

  /** A successful answer: its status, headers and parsed JSON body (null when empty). */
  public record Reply(int status, Map<String, String> headers, Object body) {
    public JsonObject object() {
      if (body instanceof JsonObject object) {
        return object;
      }
      throw new JsonException("expected a JSON object from the daemon");
    }

    public List<Object> list() {
      if (body instanceof List<?>) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) body;
        return list;
      }
      throw new JsonException("expected a JSON array from the daemon");
    }
  }

  public Api(
      SocketHttpClient client,
      DaemonControl control,
      VersionCheck versions,
      boolean autoStart,
      String actor,
      Messages messages) {
    this.client = client;
    this.control = control;
    this.versions = versions;
    this.autoStart = autoStart;
    this.actor = actor;
    this.messages = messages;
  }

  public DaemonControl control() {
    return control;
  }

  public void onMissingProject(MissingProject handler) {
    this.missingProject = handler;
  }

  public JsonObject getObject(String path) {
    return send("GET", path, null, null).object();
  }

  public List<Object> getList(String path) {
    return send("GET", path, null, null).list();
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body, null);
  }

  public Reply send(String method, String path, Object body, Map<String, String> headers) {
    ensureContact();
    try {
      return exchange(method, path, body, headers);
    } catch (CliException e) {
      if (isMissingProject(e)) {
        MissingProject handler = missingProject;
        missingProject = null;
        handler.register(this);
        return exchange(method, path, body, headers);
      }
      throw e;
    }
  }

  private boolean isMissingProject(CliException e) {
    return missingProject != null
        && "not_found".equals(e.code())
        && ("project '" + missingProject.key() + "' not found").equals(e.getMessage());
  }

  /** {@code GET path}, its body as the daemon sent it (an export), not parsed. */
  public byte[] getBytes(String path) {
    ensureContact();
    return transmit("GET", path, null, null).body();
  }

  private Reply exchange(String method, String path, Object body, Map<String, String> headers) {
    Response response = transmit(method, path, body, headers);
    Object parsed;
    try {
      parsed = response.body().length == 0 ? null : Json.parse(response.body());
    } catch (JsonException e) {
      throw CliException.error(
          "the daemon's answer to " + method + " " + path + " is not JSON: " + e.getMessage(),
          "the daemon and this tracker may not match: tracker version");
    }
    return new Reply(response.status(), response.headers(), parsed);
  }

  private Response transmit(String method, String path, Object body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    if (actor != null) {
      all.put("X-Tracker-Actor", actor);
    }
    if (headers != null) {
      all.putAll(headers);
    }
    byte[] bytes = body == null ? null : Json.bytes(body);
    long started = System.nanoTime();
    Response response;
    try {
      response = client.send(method, path, all, bytes);
    } catch (SocketTimeoutException e) {
      throw CliException.unavailable(
          "the daemon did not answer " + method + " " + path + " in time",
          "see 'tracker daemon logs'");
    } catch (IOException e) {
      throw CliException.unavailable(
          "lost the connection to the daemon: " + e.getMessage(), "see 'tracker daemon logs'");
    }
    messages.debug(
        method
            + " "
            + path
            + " -> "
            + response.status()
            + " ("
            + (System.nanoTime() - started) / 1_000_000
            + " ms)");
    if (response.status() >= 400) {
      throw Problems.from(response.status(), response.body());
    }
    if (response.status() >= 300) {
      throw Problems.unexpected(method, path, response.status());
    }
    return response;
  }

  private void ensureContact() {
    if (contacted) {
      return;
    }
    JsonObject health = control.probe();
    if (health == null) {
      if (!autoStart) {
        throw CliException.unavailable(
            "no daemon is running (no answer on " + control.paths().socket() + ")",
            "start one with 'tracker daemon start'; auto-start is off"
                + " (TRACKER_NO_AUTOSTART or daemon.autostart)");
      }
      health = control.startAndWait();
    }
    versions.settle(health, control, autoStart, messages);
    contacted = true;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      messages.debug("closing the connection: " + e.getMessage());
    }
  }
}
