package dev.tracker.daemon.http;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.daemon.JsonPaths;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon's one JSON mapper (thread-safe, built once), strict on input: unknown fields, trailing
 * tokens, nulls for primitives and fractions for whole numbers are refused, each naming the field.
 */
public final class Json {
  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  public byte[] write(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  public <T> T read(byte[] body, Class<T> type) {
    try {
      return mapper.readValue(body, type);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /**
   * A parse failure as the client should see it: our own validation error when a creator threw one,
   * otherwise an invalid-request error naming the JSON path of the offending field.
   */
  static TrackerException translate(JacksonException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TrackerException tracker) {
        String field = JsonPaths.of(e);
        return field.isEmpty() || tracker.field() == null
            ? tracker
            : new TrackerException(
                tracker.code(), tracker.getMessage(), field, tracker.candidates(), e);
      }
    }
    String field = JsonPaths.of(e);
    String problem =
        e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
    if (e instanceof UnrecognizedPropertyException unknown) {
      field = field.isEmpty() ? unknown.getPropertyName() : field;
      problem = "unknown field";
    }
    String message = field.isEmpty() ? "malformed JSON: " + problem : field + ": " + problem;
    return new TrackerException(
        ErrorCode.INVALID_REQUEST, message, field.isEmpty() ? null : field, List.of(), e);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
