package dev.tracker.daemon.issues;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.model.Validation;

/**
 * Validates a patch before any transaction starts, so that bad input is refused without touching
 * the database. Empty strings stay empty: they mean "clear this field".
 */
final class PatchValidation {
  private PatchValidation() {}

  static IssuePatch validate(IssuePatch patch) {
    if (patch == null) {
      return IssuePatch.EMPTY;
    }
    return new IssuePatch(
        patch.title() == null ? null : Validation.title(patch.title()),
        clearOr(patch.description(), Validation::description),
        patch.status(),
        patch.priority(),
        patch.type(),
        clearOr(patch.assignee(), value -> Validation.name("assignee", value)),
        patch.parent() == null ? null : patch.parent().strip(),
        patch.labels() == null ? null : Validation.labels(patch.labels()),
        Validation.closeReason(patch.closeReason()));
  }

  private static String clearOr(String value, java.util.function.UnaryOperator<String> check) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      return "";
    }
    String checked = check.apply(value);
    return checked == null ? "" : checked;
  }
}
