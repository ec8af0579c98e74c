package dev.tracker.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tracker.core.model.WireEnum;

/** Which way a dependency tree grows from its root. */
public enum TreeDirection implements WireEnum {
  /** What the root depends on (its blockers, its parent...). */
  DOWN("down"),
  /** What depends on the root (what it blocks, its children...). */
  UP("up");

  private final String wire;

  TreeDirection(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static TreeDirection parse(String text) {
    return WireEnum.parse(TreeDirection.class, "direction", text);
  }
}
