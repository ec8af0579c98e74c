package dev.tracker.daemon.sync.jsonl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tracker.core.model.DependencyKind;
import java.util.Comparator;

/**
 * One dependency as the sync file holds it, inside the line of the issue that depends: "this issue
 * depends on {@code dependsOn} in the way {@code kind} says". Only {@code blocks}, {@code related}
 * and {@code discovered-from} appear here; parent-child is the issue's {@code parent} field.
 */
@JsonPropertyOrder({"dependsOn", "kind"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DependencyLine(String dependsOn, DependencyKind kind)
    implements Comparable<DependencyLine> {

  /** File order: by {@code dependsOn}, then by the kind's wire name. */
  static final Comparator<DependencyLine> ORDER =
      Comparator.comparing(
              DependencyLine::dependsOn, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(
              d -> d.kind() == null ? null : d.kind().wire(),
              Comparator.nullsFirst(Comparator.naturalOrder()));

  @Override
  public int compareTo(DependencyLine other) {
    return ORDER.compare(this, other);
  }
}
