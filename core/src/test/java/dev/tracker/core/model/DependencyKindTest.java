package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencyKindTest {
  @Test
  void wireValuesUseDashes() {
    assertThat(DependencyKind.values())
        .extracting(DependencyKind::wire)
        .containsExactly("blocks", "parent-child", "related", "discovered-from");
  }

  @ParameterizedTest
  @CsvSource({
    "blocks, BLOCKS",
    "BLOCKS, BLOCKS",
    "parent-child, PARENT_CHILD",
    "parent_child, PARENT_CHILD",
    "PARENT_CHILD, PARENT_CHILD",
    "Parent-Child, PARENT_CHILD",
    "related, RELATED",
    "discovered-from, DISCOVERED_FROM",
    "discovered_from, DISCOVERED_FROM",
    "' DISCOVERED_FROM ', DISCOVERED_FROM",
  })
  void parsesDashOrUnderscoreInAnyCase(String text, DependencyKind expected) {
    assertThat(DependencyKind.parse(text)).isSameAs(expected);
  }

  @Test
  void unknownValueNamesTheKindFieldAndListsTheKinds() {
    assertValidationFailure(
        () -> DependencyKind.parse("duplicates"),
        "kind",
        "unknown value 'duplicates'",
        "blocks, parent-child, related, discovered-from");
  }

  @Test
  void emptyValueNamesTheKindField() {
    assertValidationFailure(() -> DependencyKind.parse(null), "kind", "must not be empty");
    assertValidationFailure(() -> DependencyKind.parse(""), "kind", "must not be empty");
  }
}
