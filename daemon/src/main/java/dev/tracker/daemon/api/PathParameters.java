package dev.tracker.daemon.api;

import dev.tracker.core.error.TrackerException;
import dev.tracker.core.id.IssueIds;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Validation;
import java.util.regex.Pattern;

/**
 * The rules of the path parameters of docs/api.md. A value that breaks one (a traversal such as
 * {@code ../../etc/passwd}, a NUL byte, a name too long) is refused with a 400 naming the parameter
 * as the route template does ({@code project}, {@code id}, {@code comment}, {@code label}, {@code
 * kind}, {@code target}) before any route runs. No parameter is ever used as a path.
 */
final class PathParameters {
  /** Comment ids are lower-case base36 (see the sync format); 64 is the format's limit. */
  private static final Pattern COMMENT_ID = Pattern.compile("[0-9A-Za-z]{1,64}");

  private PathParameters() {}

  static void check(String name, String value) {
    try {
      switch (name) {
        case "project" -> Validation.projectKey(value);
        case "id", "target" -> IssueIds.normalizePrefix("p", value);
        case "label" -> Validation.label(value);
        case "kind" -> DependencyKind.parse(value);
        case "comment" -> {
          if (!COMMENT_ID.matcher(value.strip()).matches()) {
            throw TrackerException.invalid(
                name, "is not a comment id (1 to 64 letters and digits, got '" + value + "')");
          }
        }
        default -> {}
      }
    } catch (TrackerException e) {
      throw Params.renamed(e, name);
    }
  }
}
