package dev.tracker.cli.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads and writes JSON without a data-binding library, which costs the CLI start-up time. */
public final class Json {
  private Json() {}

  /** Any JSON value; see {@link JsonReader} for the Java types it becomes. */
  public static Object parse(String text) {
    return JsonReader.read(text);
  }

  public static Object parse(byte[] utf8) {
    return JsonReader.read(new String(utf8, StandardCharsets.UTF_8));
  }

  public static JsonObject parseObject(String text) {
    Object value = parse(text);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new JsonException("expected a JSON object, got " + typeName(value));
  }

  public static List<Object> parseArray(String text) {
    Object value = parse(text);
    if (value instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) value;
      return list;
    }
    throw new JsonException("expected a JSON array, got " + typeName(value));
  }

  public static String write(Object value) {
    return JsonWriter.write(value, false);
  }

  public static String pretty(Object value) {
    return JsonWriter.write(value, true);
  }

  public static byte[] bytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof JsonObject) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
