package dev.tracker.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of TOML that tracker's files use: comments, {@code [table]} headers, and {@code key =
 * value} with strings (basic and literal), booleans and numbers. Keys come back dotted ({@code
 * [personal]} then {@code key = "me"} is {@code personal.key}). Arrays, inline tables, multi-line
 * strings and dates are refused with the line named rather than misread.
 *
 * <p>Setting a value rewrites only its own line (or appends one), so a user's comments and layout
 * survive {@code tracker config set}.
 */
public final class Toml {
  private final List<String> lines;

  private Toml(List<String> lines) {
    this.lines = lines;
  }

  public static Toml parse(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    Toml toml = new Toml(lines);
    toml.values();
    return toml;
  }

  public static Toml empty() {
    return new Toml(new ArrayList<>());
  }

  /** Every value by dotted key, in file order. */
  public Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    String table = "";
    for (int i = 0; i < lines.size(); i++) {
      Line line = Line.parse(lines.get(i), i + 1);
      if (line.table() != null) {
        table = line.table();
      } else if (line.key() != null) {
        String key = table.isEmpty() ? line.key() : table + "." + line.key();
        if (values.containsKey(key)) {
          throw new TomlException(i + 1, "key '" + key + "' is defined twice");
        }
        values.put(key, line.value());
      }
    }
    return values;
  }

  /** Sets {@code dottedKey} to a string, boolean or number, replacing its line if it has one. */
  public void set(String dottedKey, Object value) {
    int dot = dottedKey.lastIndexOf('.');
    String table = dot < 0 ? "" : dottedKey.substring(0, dot);
    String key = dot < 0 ? dottedKey : dottedKey.substring(dot + 1);
    String newLine = key + " = " + literal(value);
    String current = "";
    boolean tableFound = table.isEmpty();
    int lastLineOfTable = -1;
    int firstHeader = -1;
    for (int i = 0; i < lines.size(); i++) {
      Line line = Line.parse(lines.get(i), i + 1);
      if (line.table() != null) {
        current = line.table();
        firstHeader = firstHeader < 0 ? i : firstHeader;
        if (current.equals(table)) {
          tableFound = true;
          lastLineOfTable = i;
        }
      } else if (line.key() != null && current.equals(table)) {
        if (key.equals(line.key())) {
          lines.set(i, newLine);
          return;
        }
        lastLineOfTable = i;
      }
    }
    if (!tableFound) {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
        lines.add("");
      }
      lines.add("[" + table + "]");
      lines.add(newLine);
    } else if (lastLineOfTable >= 0) {
      lines.add(lastLineOfTable + 1, newLine);
    } else {
      // A top-level key must come before the first table header, or it would join that table.
      lines.add(firstHeader < 0 ? lines.size() : firstHeader, newLine);
    }
  }

  /** Removes {@code dottedKey}'s line; true if there was one. */
  public boolean remove(String dottedKey) {
    String current = "";
    for (int i = 0; i < lines.size(); i++) {
      Line line = Line.parse(lines.get(i), i + 1);
      if (line.table() != null) {
        current = line.table();
      } else if (line.key() != null) {
        String key = current.isEmpty() ? line.key() : current + "." + line.key();
        if (key.equals(dottedKey)) {
          lines.remove(i);
          return true;
        }
      }
    }
    return false;
  }

  public String text() {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  static String literal(Object value) {
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** One line: a table header, a key and its value, or nothing (blank or comment). */
  private record Line(String table, String key, Object value) {

    static Line parse(String raw, int number) {
      Cursor cursor = new Cursor(raw, number);
      cursor.skipSpaces();
      if (cursor.atEndOrComment()) {
        return new Line(null, null, null);
      }
      if (cursor.peek() == '[') {
        cursor.next();
        if (cursor.peek() == '[') {
          throw new TomlException(number, "arrays of tables are not supported");
        }
        String table = cursor.dottedKey();
        cursor.expect(']');
        cursor.requireEnd();
        return new Line(table, null, null);
      }
      String key = cursor.dottedKey();
      cursor.expect('=');
      cursor.skipSpaces();
      Object value = cursor.value();
      cursor.requireEnd();
      return new Line(null, key, value);
    }
  }

  private static final class Cursor {
    private final String text;
    private final int line;
    private int pos;

    Cursor(String text, int line) {
      this.text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      this.line = line;
    }

    char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    void next() {
      pos++;
    }

    void skipSpaces() {
      while (peek() == ' ' || peek() == '\t') {
        pos++;
      }
    }

    boolean atEndOrComment() {
      return pos >= text.length() || peek() == '#';
    }

    void expect(char c) {
      skipSpaces();
      if (peek() != c) {
        throw new TomlException(line, "expected '" + c + "' at column " + (pos + 1));
      }
      pos++;
    }

    void requireEnd() {
      skipSpaces();
      if (!atEndOrComment()) {
        throw new TomlException(line, "unexpected text at column " + (pos + 1));
      }
    }

    String dottedKey() {
      StringBuilder key = new StringBuilder();
      while (true) {
        skipSpaces();
        key.append(simpleKey());
        skipSpaces();
        if (peek() != '.') {
          return key.toString();
        }
        pos++;
        key.append('.');
      }
    }

    private String simpleKey() {
      if (peek() == '"') {
        return basicString();
      }
      if (peek() == '\'') {
        return literalString();
      }
      int start = pos;
      while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-') {
        pos++;
      }
      if (start == pos) {
        throw new TomlException(line, "expected a key at column " + (pos + 1));
      }
      return text.substring(start, pos);
    }

    Object value() {
      char c = peek();
      if (c == '"') {
        if (text.startsWith("\"\"\"", pos)) {
          throw new TomlException(line, "multi-line strings are not supported");
        }
        return basicString();
      }
      if (c == '\'') {
        return literalString();
      }
      if (c == '[' || c == '{') {
        throw new TomlException(line, "arrays and inline tables are not supported");
      }
      int start = pos;
      while (pos < text.length() && peek() != '#' && peek() != ' ' && peek() != '\t') {
        pos++;
      }
      String word = text.substring(start, pos);
      if (word.equals("true") || word.equals("false")) {
        return Boolean.valueOf(word);
      }
      try {
        return Long.parseLong(word.replace("_", ""));
      } catch (NumberFormatException notInteger) {
        try {
          return Double.parseDouble(word.replace("_", ""));
        } catch (NumberFormatException notNumber) {
          throw new TomlException(
              line, "'" + word + "' is not a value; quote text like \"" + word + "\"");
        }
      }
    }

    private String literalString() {
      pos++;
      int end = text.indexOf('\'', pos);
      if (end < 0) {
        throw new TomlException(line, "unterminated string");
      }
      String value = text.substring(pos, end);
      pos = end + 1;
      return value;
    }

    private String basicString() {
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw new TomlException(line, "unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = peek();
        pos++;
        switch (escaped) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> out.append(unicode(4));
          case 'U' -> out.append(unicode(8));
          default -> throw new TomlException(line, "invalid escape \\" + escaped);
        }
      }
    }

    private String unicode(int digits) {
      if (pos + digits > text.length()) {
        throw new TomlException(line, "\\u needs " + digits + " hex digits");
      }
      try {
        int cp = Integer.parseInt(text.substring(pos, pos + digits), 16);
        pos += digits;
        return new String(Character.toChars(cp));
      } catch (IllegalArgumentException e) {
        throw new TomlException(line, "invalid unicode escape");
      }
    }
  }
}
