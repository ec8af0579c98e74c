package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * One request as a route sees it: path and query parameters, a size-limited JSON body, the actor.
 */
public final class Exchange {
  public static final String ACTOR_HEADER = "X-Tracker-Actor";

  private final Request request;
  private final Map<String, String> pathParameters;
  private final Json json;
  private final long maxBodyBytes;
  private final String peerName;
  private Fields query;

  Exchange(
      Request request,
      Map<String, String> pathParameters,
      Json json,
      long maxBodyBytes,
      String peerName) {
    this.request = request;
    this.pathParameters = pathParameters;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.peerName = peerName;
  }

  public String path(String name) {
    return pathParameters.get(name);
  }

  /** Refuses query parameters the route does not know, naming them. */
  public Exchange allowQuery(String... names) {
    TreeSet<String> unknown = new TreeSet<>(query().getNames());
    unknown.removeAll(List.of(names));
    if (!unknown.isEmpty()) {
      String first = unknown.first();
      throw new TrackerException(
          ErrorCode.INVALID_REQUEST,
          first
              + ": unknown query parameter; known: "
              + (names.length == 0 ? "none" : String.join(", ", names)),
          first,
          List.of(),
          null);
    }
    return this;
  }

  /**
   * A parameter given at most once, as it was given: a comma is part of the value (a search for
   * {@code crash, login}, an assignee named {@code Smith, Jo}), not a separator. A blank value is
   * none.
   */
  public String query(String name) {
    List<String> values = query().getValues(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw TrackerException.invalid(name, "given " + values.size() + " times; give it once");
    }
    String value = values.get(0).strip();
    return value.isEmpty() ? null : value;
  }

  /** Every value of a repeatable parameter; comma-separated values are split. */
  public List<String> queryAll(String name) {
    List<String> values = query().getValues(name);
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** Who makes the change: the actor header if given, else the peer's user name. */
  public String actor() {
    String header = header(ACTOR_HEADER);
    if (header != null) {
      return Validation.name("actor", header);
    }
    return peerName == null ? "api" : peerName;
  }

  /** The JSON body as {@code type}; a missing body is an error naming the route's needs. */
  public <T> T body(Class<T> type) {
    byte[] bytes = readBody();
    if (bytes.length == 0) {
      throw new TrackerException(ErrorCode.INVALID_REQUEST, "a JSON body is required");
    }
    return json.read(bytes, type);
  }

  /** The JSON body as {@code type}, or {@code empty} when the request has no body. */
  public <T> T bodyOr(Class<T> type, T empty) {
    byte[] bytes = readBody();
    return bytes.length == 0 ? empty : json.read(bytes, type);
  }

  private byte[] readBody() {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    if (declared == 0) {
      return new byte[0];
    }
    String type = header(HttpHeader.CONTENT_TYPE.asString());
    if (type == null || !mediaType(type).equals("application/json")) {
      throw new TrackerException(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/json (got " + (type == null ? "none" : type) + ")",
          "Content-Type",
          List.of(),
          null);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes((int) maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new TrackerException(
          ErrorCode.INVALID_REQUEST, "the request body could not be read: " + e.getMessage(), e);
    }
  }

  private TrackerException tooLarge() {
    return new TrackerException(
        ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBodyBytes + " bytes");
  }

  private Fields query() {
    if (query == null) {
      try {
        query = Request.extractQueryParameters(request);
      } catch (RuntimeException e) {
        throw new TrackerException(ErrorCode.INVALID_REQUEST, "malformed query string", e);
      }
    }
    return query;
  }

  private static String mediaType(String header) {
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
