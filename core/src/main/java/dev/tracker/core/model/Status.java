package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an issue stands. Only {@link #CLOSED} counts as done; every other status is open work. */
public enum Status implements WireEnum {
  OPEN("open"),
  IN_PROGRESS("in_progress"),
  BLOCKED("blocked"),
  DEFERRED("deferred"),
  CLOSED("closed");

  private final String wire;

  Status(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static Status parse(String text) {
    return WireEnum.parse(Status.class, "status", text);
  }

  public boolean isClosed() {
    return this == CLOSED;
  }
}
