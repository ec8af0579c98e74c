package dev.tracker.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored form is read without a formatter; the result must be what Instant.parse gives. */
class InstantTextTest {

  @Test
  void readsEveryStoredTimeAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(17);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000) * 1_000_000L);
      String text = InstantText.format(instant);
      assertThat(InstantText.parse(text))
          .as(text)
          .isEqualTo(Instant.parse(text))
          .isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00.000Z",
        "2024-02-29T23:59:59.999Z",
        "2000-02-29T12:00:00.001Z",
        "0000-02-29T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z",
        "2026-03-01T10:00:01.000Z",
        // Not the stored form, but valid ISO instants: read by Instant.parse.
        "2026-03-01T10:00:01Z",
        "2026-03-01T10:00:01.123456789Z",
        "2026-06-30T23:59:60.000Z",
        "2026-01-01T24:00:00.000Z",
        "+10000-01-01T00:00:00.000Z"
      })
  void agreesWithInstantParse(String text) {
    assertThat(InstantText.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00.000Z",
        "2026-04-31T00:00:00.000Z",
        "2026-13-01T00:00:00.000Z",
        "2026-00-01T00:00:00.000Z",
        "2026-01-00T00:00:00.000Z",
        "2026-01-01T23:60:00.000Z",
        "2026-01-01T23:00:61.000Z",
        "2026-01-01T23:00:00.00aZ",
        "2026-01-01 23:00:00.000Z",
        "2026-01-01T23:00:00.000+",
        "２０２６-01-01T00:00:00.000Z",
        ""
      })
  void refusesWhatInstantParseRefuses(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> InstantText.parse(text))
        .isInstanceOf(DateTimeException.class)
        .hasMessage(catchMessage(text));
  }

  @Test
  void nullStaysNull() {
    assertThat(InstantText.parse(null)).isNull();
    assertThat(InstantText.format(null)).isNull();
  }

  private static String catchMessage(String text) {
    try {
      Instant.parse(text);
      throw new AssertionError("Instant.parse accepted " + text);
    } catch (DateTimeException e) {
      return e.getMessage();
    }
  }
}
