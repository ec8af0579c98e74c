package dev.tracker.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tracker.core.model.WireEnum;

/**
 * List orders. Each ends with the issue's insertion order, so that every order is total and a
 * cursor resumes exactly where the previous page ended.
 */
public enum IssueSort implements WireEnum {
  /** Most urgent first, then oldest first: the order of "what should I do next". */
  PRIORITY("priority"),
  /** Newest first. */
  CREATED("created"),
  /** Most recently updated first. */
  UPDATED("updated"),
  /** By id, ascending. */
  ID("id");

  private final String wire;

  IssueSort(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static IssueSort parse(String text) {
    return WireEnum.parse(IssueSort.class, "sort", text);
  }
}
