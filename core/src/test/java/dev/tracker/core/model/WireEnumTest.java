package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssueSort;
import dev.tracker.core.api.TreeDirection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic behaviour of {@link WireEnum#parse}, checked on every wire enum of the core. */
class WireEnumTest {
  static Stream<Class<? extends Enum<?>>> wireEnums() {
    return Stream.of(
        Status.class,
        IssueType.class,
        DependencyKind.class,
        EventKind.class,
        IssueSort.class,
        TreeDirection.class);
  }

  private static List<WireEnum> constants(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireEnum.class::cast).toList();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static WireEnum parse(Class<? extends Enum<?>> type, String text) {
    return (WireEnum) WireEnum.parse((Class) type, "field", text);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String accepted(Class<? extends Enum<?>> type) {
    return WireEnum.accepted((Class) type);
  }

  @ParameterizedTest
  @MethodSource("wireEnums")
  void wireValuesAreLowerCaseAndUnique(Class<? extends Enum<?>> type) {
    List<String> wires = constants(type).stream().map(WireEnum::wire).toList();
    assertThat(wires).doesNotHaveDuplicates().allMatch(w -> w.matches("[a-z][a-z_-]*[a-z]"));
  }

  @ParameterizedTest
  @MethodSource("wireEnums")
  void parsesEveryWireValueInAnyCaseAndWithSurroundingWhitespace(Class<? extends Enum<?>> type) {
    for (WireEnum value : constants(type)) {
      assertThat(parse(type, value.wire())).isSameAs(value);
      assertThat(parse(type, value.wire().toUpperCase(Locale.ROOT))).isSameAs(value);
      assertThat(parse(type, " " + value.wire() + "\t")).isSameAs(value);
    }
  }

  @ParameterizedTest
  @MethodSource("wireEnums")
  void acceptsDashForUnderscore(Class<? extends Enum<?>> type) {
    for (WireEnum value : constants(type)) {
      assertThat(parse(type, value.wire().replace('_', '-'))).isSameAs(value);
    }
  }

  @ParameterizedTest
  @MethodSource("wireEnums")
  void acceptedListsEveryWireValueInDeclarationOrder(Class<? extends Enum<?>> type) {
    String expected =
        constants(type).stream().map(WireEnum::wire).collect(Collectors.joining(", "));
    assertThat(accepted(type)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("wireEnums")
  void unknownValueIsAValidationErrorQuotingTheInputAndListingAcceptedValues(
      Class<? extends Enum<?>> type) {
    assertValidationFailure(
        () -> parse(type, "No Such Value"),
        "field",
        "unknown value 'No Such Value'",
        "expected one of " + accepted(type));
  }

  @ParameterizedTest
  @MethodSource("wireEnums")
  void emptyValueIsAValidationErrorListingAcceptedValues(Class<? extends Enum<?>> type) {
    for (String blank : Arrays.asList(null, "", "  ")) {
      assertValidationFailure(
          () -> parse(type, blank), "field", "must not be empty; one of " + accepted(type));
    }
  }

  @Test
  void doesNotTakeASpaceForAnUnderscore() {
    assertValidationFailure(
        () -> WireEnum.parse(Status.class, "status", "in progress"),
        "status",
        "unknown value 'in progress'");
  }
}
