package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum EventKind implements WireEnum {
  CREATED("created"),
  UPDATED("updated"),
  CLOSED("closed"),
  REOPENED("reopened"),
  COMMENTED("commented"),
  COMMENT_DELETED("comment_deleted"),
  LABELLED("labelled"),
  UNLABELLED("unlabelled"),
  DEPENDENCY_ADDED("dependency_added"),
  DEPENDENCY_REMOVED("dependency_removed"),
  DELETED("deleted");

  private final String wire;

  EventKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static EventKind parse(String text) {
    return WireEnum.parse(EventKind.class, "kind", text);
  }
}
