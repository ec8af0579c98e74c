package dev.tracker.it.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ways to break a JSON body. Those named {@code invalid...} or {@code refused...} give a body the
 * daemon cannot accept on a route that parses it: JSON that does not parse (checked here with a
 * parser as strict as the daemon's), a structure where a scalar belongs, an unknown field, an
 * out-of-range number, nesting, bytes that are not UTF-8. {@link #anyBytes} may give anything.
 */
final class BodyMutations {
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final String PLACEHOLDER = "\"@@raw@@\"";
  private static final byte[] PUNCTUATION = "{}[]\":,\\ 0-.eE".getBytes(StandardCharsets.US_ASCII);

  /** Priorities the daemon must refuse: out of range, fractional, overflowing, infinite. */
  private static final List<String> BAD_PRIORITIES =
      List.of(
          "99999999999999999999999999",
          "-1",
          "5",
          "1e400",
          "2.5",
          "4294967298",
          "1E2",
          "-9223372036854775809",
          "\"p9\"",
          "\"urgent\"");

  /** Byte sequences that are not UTF-8 (each refused by a strict decoder). */
  private static final List<byte[]> NOT_UTF8 =
      List.of(
          new byte[] {(byte) 0xff},
          new byte[] {(byte) 0xfe, (byte) 0xff},
          new byte[] {(byte) 0xc0, (byte) 0x80},
          new byte[] {(byte) 0xc0, (byte) 0xaf},
          new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xc3},
          new byte[] {(byte) 0xe2, (byte) 0x82},
          new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

  private static final List<String> UNKNOWN_FIELDS =
      List.of("colour", "Title", "title ", "__proto__", "$where", "id", "version", "x".repeat(300));

  private final RandomGenerator random;

  BodyMutations(RandomGenerator random) {
    this.random = random;
  }

  static boolean parses(byte[] body) {
    try {
      STRICT.readTree(body);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  /** One to four random byte edits: drop, duplicate, replace, insert, swap. May stay valid. */
  byte[] anyBytes(byte[] body) {
    byte[] out = body;
    for (int edits = 1 + random.nextInt(4); edits > 0 && out.length > 1; edits--) {
      int at = random.nextInt(out.length);
      out =
          switch (random.nextInt(5)) {
            case 0 ->
                concat(Arrays.copyOfRange(out, 0, at), Arrays.copyOfRange(out, at + 1, out.length));
            case 1 ->
                concat(Arrays.copyOfRange(out, 0, at + 1), Arrays.copyOfRange(out, at, out.length));
            case 2 -> replaced(out, at, (byte) random.nextInt(256));
            case 3 ->
                concat(
                    Arrays.copyOfRange(out, 0, at),
                    new byte[] {PUNCTUATION[random.nextInt(PUNCTUATION.length)]},
                    Arrays.copyOfRange(out, at, out.length));
            default -> swapped(out, at);
          };
    }
    return out;
  }

  /** Byte edits until the body no longer parses; failing that, a proper prefix of it. */
  byte[] invalidBytes(byte[] body) {
    for (int attempt = 0; attempt < 20; attempt++) {
      byte[] mutated = anyBytes(body);
      if (!parses(mutated) && mutated.length > 0) {
        return mutated;
      }
    }
    return truncated(body);
  }

  /** A proper, non-empty prefix of an object: never a whole JSON value. */
  byte[] truncated(byte[] body) {
    return Arrays.copyOf(body, 1 + random.nextInt(body.length - 1));
  }

  /** A field's value replaced by a structure of another shape (never coerced by the daemon). */
  Map<String, Object> refusedStructure(Map<String, Object> json) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    String field = anyField(copy);
    Object value = copy.get(field);
    Object wrong;
    if (value instanceof List) {
      wrong = random.nextBoolean() ? Map.of("$gt", "") : "'; DROP TABLE issue; --";
    } else if (value instanceof Map) {
      wrong = random.nextBoolean() ? List.of("title") : "title";
    } else {
      wrong = random.nextBoolean() ? Map.of("$ne", 1) : List.of(value, value);
    }
    copy.put(field, wrong);
    return copy;
  }

  Map<String, Object> refusedUnknownField(Map<String, Object> json) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    copy.put(
        UNKNOWN_FIELDS.get(random.nextInt(UNKNOWN_FIELDS.size())),
        random.nextInt(3) == 0 ? null : "x");
    return copy;
  }

  /**
   * The body with one field's value made a nesting of arrays or objects 2 to 50,000 deep (one level
   * would be a valid list of labels or ids).
   */
  byte[] refusedNesting(Map<String, Object> json) {
    int depth = List.of(2, 20, 600, 3_000, 50_000).get(random.nextInt(5));
    boolean arrays = random.nextBoolean();
    StringBuilder nested = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      nested.append(arrays ? "[" : "{\"a\":");
    }
    nested.append("1");
    for (int i = 0; i < depth; i++) {
      nested.append(arrays ? "]" : "}");
    }
    return withRaw(json, anyField(json), nested.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** A priority the daemon must refuse, where the body has a priority. */
  byte[] refusedPriority(Map<String, Object> json) {
    String bad = BAD_PRIORITIES.get(random.nextInt(BAD_PRIORITIES.size()));
    return withRaw(json, "priority", bad.getBytes(StandardCharsets.US_ASCII));
  }

  /** Bytes that are not UTF-8 inside one of the body's strings. */
  byte[] invalidUtf8(Map<String, Object> json) {
    String field = null;
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      if (entry.getValue() instanceof String) {
        field = entry.getKey();
      }
    }
    byte[] bad = NOT_UTF8.get(random.nextInt(NOT_UTF8.size()));
    ByteArrayOutputStream string = new ByteArrayOutputStream();
    string.writeBytes("\"ok ".getBytes(StandardCharsets.US_ASCII));
    string.writeBytes(bad);
    string.writeBytes(" end\"".getBytes(StandardCharsets.US_ASCII));
    return withRaw(json, field == null ? anyField(json) : field, string.toByteArray());
  }

  /** A valid body padded with whitespace to {@code size} bytes: acceptable but for its size. */
  static byte[] paddedTo(byte[] body, int size) {
    byte[] out = new byte[Math.max(size, body.length)];
    Arrays.fill(out, (byte) ' ');
    System.arraycopy(body, 0, out, 0, body.length - 1);
    out[out.length - 1] = body[body.length - 1];
    return out;
  }

  private String anyField(Map<String, Object> json) {
    List<String> fields = new ArrayList<>(json.keySet());
    return fields.get(random.nextInt(fields.size()));
  }

  /** The body with {@code field} set to {@code raw}, bytes put in as they are. */
  private static byte[] withRaw(Map<String, Object> json, String field, byte[] raw) {
    Map<String, Object> copy = new LinkedHashMap<>(json);
    copy.put(field, "@@raw@@");
    byte[] encoded = ValidCalls.JSON.writeValueAsBytes(copy);
    String text = new String(encoded, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(PLACEHOLDER);
    return concat(
        Arrays.copyOfRange(encoded, 0, at),
        raw,
        Arrays.copyOfRange(encoded, at + PLACEHOLDER.length(), encoded.length));
  }

  private static byte[] replaced(byte[] bytes, int at, byte value) {
    byte[] out = bytes.clone();
    out[at] = value;
    return out;
  }

  private static byte[] swapped(byte[] bytes, int at) {
    byte[] out = bytes.clone();
    int other = at + 1 < out.length ? at + 1 : at - 1;
    byte b = out[at];
    out[at] = out[other];
    out[other] = b;
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
