package dev.tracker.cli.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A JSON object in key order, with typed getters that name the key when a value has the wrong type.
 * A missing key and an explicit null both read as null (or the given default).
 */
public final class JsonObject extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  public JsonObject() {
    super();
  }

  /** Adds a field, skipping nulls, so that absent values stay absent in the output. */
  public JsonObject with(String key, Object value) {
    if (value != null) {
      put(key, value);
    }
    return this;
  }

  public String string(String key) {
    Object value = get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(key, "a string", value);
  }

  public String string(String key, String fallback) {
    String value = string(key);
    return value == null ? fallback : value;
  }

  public long number(String key, long fallback) {
    Object value = get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw wrongType(key, "a number", value);
  }

  public double decimal(String key, double fallback) {
    Object value = get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw wrongType(key, "a number", value);
  }

  public boolean bool(String key) {
    Object value = get(key);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw wrongType(key, "true or false", value);
  }

  public JsonObject object(String key) {
    Object value = get(key);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw wrongType(key, "an object", value);
  }

  public List<Object> list(String key) {
    Object value = get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) value;
      return list;
    }
    throw wrongType(key, "an array", value);
  }

  public List<JsonObject> objects(String key) {
    return objectsOf(list(key), key);
  }

  public List<String> strings(String key) {
    List<String> strings = new ArrayList<>();
    for (Object element : list(key)) {
      if (!(element instanceof String text)) {
        throw wrongType(key + "[]", "a string", element);
      }
      strings.add(text);
    }
    return strings;
  }

  /** The elements of a parsed JSON array, each required to be an object. */
  public static List<JsonObject> objectsOf(List<?> list, String what) {
    List<JsonObject> objects = new ArrayList<>(list.size());
    for (Object element : list) {
      if (!(element instanceof JsonObject object)) {
        throw new JsonException(
            what + ": expected an array of objects, found " + Json.typeName(element));
      }
      objects.add(object);
    }
    return objects;
  }

  private static JsonException wrongType(String key, String expected, Object value) {
    return new JsonException(
        "field '" + key + "': expected " + expected + ", found " + Json.typeName(value));
  }
}
