package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PriorityTest {
  @Test
  void levelsRunFromCriticalZeroToBacklogFour() {
    assertThat(Priority.values())
        .containsExactly(
            Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.LOW, Priority.BACKLOG);
    assertThat(Priority.values()).extracting(Priority::level).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void labelsAreLowerCaseNames() {
    assertThat(Priority.values())
        .extracting(Priority::label)
        .containsExactly("critical", "high", "medium", "low", "backlog");
  }

  @Test
  void defaultIsMedium() {
    assertThat(Priority.DEFAULT).isSameAs(Priority.MEDIUM);
    assertThat(Priority.DEFAULT.level()).isEqualTo(2);
  }

  @Test
  void ofRoundTripsEveryLevel() {
    for (Priority priority : Priority.values()) {
      assertThat(Priority.of(priority.level())).isSameAs(priority);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 5, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void ofRejectsLevelsOutsideZeroToFour(int level) {
    assertValidationFailure(
        () -> Priority.of(level), "priority", "must be 0 to 4", "(got " + level + ")");
  }

  @ParameterizedTest
  @CsvSource({
    "0, CRITICAL",
    "1, HIGH",
    "2, MEDIUM",
    "3, LOW",
    "4, BACKLOG",
    "p0, CRITICAL",
    "p1, HIGH",
    "p2, MEDIUM",
    "P2, MEDIUM",
    "p3, LOW",
    "P4, BACKLOG",
    "critical, CRITICAL",
    "high, HIGH",
    "medium, MEDIUM",
    "low, LOW",
    "backlog, BACKLOG",
    "MEDIUM, MEDIUM",
    "Backlog, BACKLOG",
  })
  void parseAcceptsDigitsPrefixedDigitsAndNames(String text, Priority expected) {
    assertThat(Priority.parse(text)).isSameAs(expected);
  }

  @Test
  void parseIgnoresSurroundingWhitespace() {
    assertThat(Priority.parse(" 1 ")).isSameAs(Priority.HIGH);
    assertThat(Priority.parse("\tp3\n")).isSameAs(Priority.LOW);
    assertThat(Priority.parse("  High ")).isSameAs(Priority.HIGH);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void parseRejectsEmptyInput(String text) {
    assertValidationFailure(
        () -> Priority.parse(text),
        "priority",
        "must not be empty",
        "0 to 4",
        "critical, high, medium, low, backlog");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "9", "p5", "P9"})
  void parseRejectsSingleDigitsAboveFour(String text) {
    assertValidationFailure(
        () -> Priority.parse(text),
        "priority",
        "must be 0 to 4",
        "(got " + text.substring(text.length() - 1) + ")");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"p", "pp2", "p10", "10", "-1", "2.0", "two", "urgent", "p-1", "medium-high"})
  void parseRejectsUnknownValuesQuotingThem(String text) {
    assertValidationFailure(
        () -> Priority.parse(text),
        "priority",
        "unknown value '" + text + "'",
        "critical, high, medium, low, backlog");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0662", "p\u0662", "\uFF12"})
  void parseTakesOnlyAsciiDigitsAsLevels(String text) {
    // Arabic-Indic and full-width digits are digits to Character.isDigit, but not levels.
    assertValidationFailure(() -> Priority.parse(text), "priority", "unknown value '" + text + "'");
  }

  static Stream<Arguments> wholeNumbers() {
    return Stream.of(
        Arguments.of(0, Priority.CRITICAL),
        Arguments.of(4, Priority.BACKLOG),
        Arguments.of(3L, Priority.LOW),
        Arguments.of((short) 1, Priority.HIGH),
        Arguments.of((byte) 2, Priority.MEDIUM),
        Arguments.of(2.0d, Priority.MEDIUM),
        Arguments.of(1.0f, Priority.HIGH),
        Arguments.of(-0.0d, Priority.CRITICAL),
        Arguments.of(BigInteger.valueOf(4), Priority.BACKLOG),
        Arguments.of(new BigDecimal("3.00"), Priority.LOW));
  }

  @ParameterizedTest
  @MethodSource("wholeNumbers")
  void fromJsonAcceptsWholeNumbersOfAnyType(Number number, Priority expected) {
    assertThat(Priority.fromJson(number)).isSameAs(expected);
  }

  @ParameterizedTest
  @ValueSource(doubles = {2.5, 0.1, 3.999, -0.5, Double.NaN})
  void fromJsonRejectsNonIntegralNumbers(double number) {
    assertValidationFailure(
        () -> Priority.fromJson(number),
        "priority",
        "must be a whole number 0 to 4",
        "(got " + number + ")");
  }

  @Test
  void fromJsonRejectsInfinityAndNumbersTooLargeForAnInt() {
    assertValidationFailure(() -> Priority.fromJson(Double.POSITIVE_INFINITY), "priority");
    // 2^32 + 2 must not wrap around to 2.
    assertValidationFailure(() -> Priority.fromJson(4_294_967_298L), "priority", "4294967298");
    assertValidationFailure(
        () -> Priority.fromJson(new BigInteger("18446744073709551618")), "priority");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 5, 42})
  void fromJsonRejectsWholeNumbersOutOfRange(int number) {
    assertValidationFailure(
        () -> Priority.fromJson(number), "priority", "must be 0 to 4", "(got " + number + ")");
  }

  @Test
  void fromJsonParsesStrings() {
    assertThat(Priority.fromJson("p1")).isSameAs(Priority.HIGH);
    assertThat(Priority.fromJson("3")).isSameAs(Priority.LOW);
    assertThat(Priority.fromJson("backlog")).isSameAs(Priority.BACKLOG);
    assertValidationFailure(() -> Priority.fromJson("later"), "priority", "unknown value 'later'");
  }

  @Test
  void fromJsonRejectsOtherTypes() {
    assertValidationFailure(
        () -> Priority.fromJson(null), "priority", "must be a number 0 to 4 or a priority name");
    assertValidationFailure(
        () -> Priority.fromJson(Boolean.TRUE),
        "priority",
        "must be a number 0 to 4 or a priority name");
    assertValidationFailure(
        () -> Priority.fromJson(List.of(1)),
        "priority",
        "must be a number 0 to 4 or a priority name");
  }
}
