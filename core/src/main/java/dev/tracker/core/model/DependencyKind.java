package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one issue relates to another. Read a {@link Dependency} as "{@code issue} depends on {@code
 * dependsOn}": for {@link #BLOCKS}, {@code dependsOn} blocks {@code issue}; for {@link
 * #PARENT_CHILD}, {@code dependsOn} is the parent (epic) of {@code issue}.
 */
public enum DependencyKind implements WireEnum {
  BLOCKS("blocks"),
  PARENT_CHILD("parent-child"),
  RELATED("related"),
  DISCOVERED_FROM("discovered-from");

  private final String wire;

  DependencyKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static DependencyKind parse(String text) {
    return WireEnum.parse(DependencyKind.class, "kind", text);
  }
}
