package dev.tracker.cli.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 8259 parser. Objects become {@link JsonObject} (key order kept), arrays {@link
 * List}, numbers {@link Long} when integral and in range, else {@link BigInteger} or {@link
 * Double}; {@code null} is Java null. Duplicate keys, trailing commas, leading zeros, unescaped
 * control characters and anything after the value are errors: the daemon is strict, and a lenient
 * reader would hide a broken response.
 */
final class JsonReader {
  private static final int MAX_DEPTH = 256;

  private final String text;
  private int pos;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  static Object read(String text) {
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected " + reader.describeNext() + " after the value");
    }
    return value;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected " + describeNext() + ", expected a value");
    }
  }

  private JsonObject object() {
    enter();
    pos++;
    JsonObject object = new JsonObject();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return object;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("unexpected " + describeNext() + ", expected a string key");
      }
      int keyStart = pos;
      String key = string();
      if (object.containsKey(key)) {
        pos = keyStart;
        throw error("duplicate key \"" + key + "\"");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      object.put(key, value());
      skipWhitespace();
      char next = peek();
      pos++;
      if (next == '}') {
        depth--;
        return object;
      }
      if (next != ',') {
        pos--;
        throw error("unexpected " + describeNext() + ", expected ',' or '}'");
      }
    }
  }

  private List<Object> array() {
    enter();
    pos++;
    List<Object> array = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return array;
    }
    while (true) {
      skipWhitespace();
      array.add(value());
      skipWhitespace();
      char next = peek();
      pos++;
      if (next == ']') {
        depth--;
        return array;
      }
      if (next != ',') {
        pos--;
        throw error("unexpected " + describeNext() + ", expected ',' or ']'");
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private String string() {
    pos++;
    StringBuilder out = null;
    int runStart = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String run = text.substring(runStart, pos);
        pos++;
        return out == null ? run : out.append(run).toString();
      }
      if (c < 0x20) {
        throw error("control character U+" + hex4(c) + " in a string; it must be escaped");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, runStart, pos);
        escape(out);
        runStart = pos;
      } else {
        pos++;
      }
    }
  }

  private void escape(StringBuilder out) {
    pos++;
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos);
    pos++;
    switch (c) {
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case '/' -> out.append('/');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> out.append(unicodeEscape());
      default -> {
        pos -= 2;
        throw error("invalid escape \\" + c);
      }
    }
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      pos -= 2;
      throw error("\\u needs four hex digits");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        pos -= 2;
        throw error("\\u needs four hex digits");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  private Object number() {
    int start = pos;
    boolean integral = true;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zero in a number");
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit after '-'");
    }
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after the decimal point");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      digits();
    }
    String number = text.substring(start, pos);
    if (integral) {
      if (number.length() <= 18) {
        return Long.parseLong(number);
      }
      BigInteger big = new BigInteger(number);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    double value = Double.parseDouble(number);
    return Double.isInfinite(value) ? new BigDecimal(number) : value;
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeNext() + ", expected a value");
    }
    pos += word.length();
  }

  private void expect(char wanted) {
    if (peek() != wanted) {
      throw error("unexpected " + describeNext() + ", expected '" + wanted + "'");
    }
    pos++;
  }

  /** The next character, or NUL at the end (NUL cannot appear unescaped in valid JSON). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeNext() {
    if (pos >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(pos);
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "character U+" + hex4(c);
  }

  private static String hex4(char c) {
    String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "0000".substring(hex.length()) + hex;
  }

  private JsonException error(String message) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(pos, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonException(message, line, end - lineStart + 1);
  }
}
