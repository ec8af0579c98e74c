package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum IssueType implements WireEnum {
  BUG("bug"),
  FEATURE("feature"),
  TASK("task"),
  EPIC("epic"),
  CHORE("chore");

  private final String wire;

  IssueType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static IssueType parse(String text) {
    return WireEnum.parse(IssueType.class, "type", text);
  }
}
