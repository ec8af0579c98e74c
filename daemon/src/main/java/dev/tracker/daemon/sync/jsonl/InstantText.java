package dev.tracker.daemon.sync.jsonl;

import dev.tracker.core.error.TrackerException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Times in the sync file: fixed-width UTC ISO-8601 with milliseconds ({@code
 * 2026-03-01T10:00:01.000Z}), the form the database stores, so that a time reads back exactly as it
 * was written and text order is time order. On input any ISO-8601 instant is accepted as long as it
 * is no more precise than a millisecond (finer precision could not be written back).
 */
final class InstantText {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private InstantText() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  static Instant parse(String text) {
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw TrackerException.invalid(
          "time", "'" + text + "' is not a UTC time like 2026-03-01T10:00:01.000Z");
    }
    if (instant.getNano() % 1_000_000 != 0) {
      throw TrackerException.invalid(
          "time", "'" + text + "' is more precise than a millisecond, which the file cannot keep");
    }
    return instant;
  }

  static final class Serializer extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
      gen.writeString(format(value));
    }
  }

  static final class Deserializer extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        throw TrackerException.invalid(
            "time",
            "must be a string like 2026-03-01T10:00:01.000Z (got " + parser.currentToken() + ")");
      }
      return parse(parser.getString());
    }
  }
}
