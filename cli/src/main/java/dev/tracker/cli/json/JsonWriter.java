package dev.tracker.cli.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Writes maps, collections, strings, numbers, booleans and null as JSON, compact or indented by two
 * spaces. Non-ASCII text is written as is (the output is UTF-8); control characters, lone
 * surrogates and U+2028/U+2029 are escaped so that any JSON or JavaScript reader accepts the text.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder(256);
  private final boolean pretty;

  private JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  static String write(Object value, boolean pretty) {
    JsonWriter writer = new JsonWriter(pretty);
    writer.value(value, 0);
    return writer.out.toString();
  }

  private void value(Object value, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new JsonException("JSON has no representation for " + number);
      }
      if (number == Math.rint(number) && Math.abs(number) < 1e15) {
        out.append((long) number);
      } else {
        out.append(number);
      }
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.toString());
    } else if (value instanceof Map<?, ?> map) {
      object(map, indent);
    } else if (value instanceof Collection<?> collection) {
      array(collection, indent);
    } else if (value instanceof Instant || value instanceof Enum<?> || value instanceof Character) {
      string(value.toString());
    } else {
      throw new JsonException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private void object(Map<?, ?> map, int indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(indent + 1);
      string(String.valueOf(entry.getKey()));
      out.append(pretty ? ": " : ":");
      value(entry.getValue(), indent + 1);
    }
    newline(indent);
    out.append('}');
  }

  private void array(Collection<?> values, int indent) {
    if (values.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Object element : values) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(indent + 1);
      value(element, indent + 1);
    }
    newline(indent);
    out.append(']');
  }

  private void newline(int indent) {
    if (pretty) {
      out.append('\n');
      for (int i = 0; i < indent; i++) {
        out.append("  ");
      }
    }
  }

  private void string(String text) {
    out.append('"');
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i)) {
            unicodeEscape(c);
          } else {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(text.charAt(++i));
            }
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c);
  }

  private void unicodeEscape(char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    for (int pad = hex.length(); pad < 4; pad++) {
      out.append('0');
    }
    out.append(hex);
  }
}
