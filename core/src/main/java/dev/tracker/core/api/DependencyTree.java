package dev.tracker.core.api;

import dev.tracker.core.model.DependencyKind;
import java.util.List;

/**
 * An issue and what it depends on, recursively. {@code kind} is the edge that led here ({@code
 * null} at the root). {@code truncated} marks a node whose children were cut by the depth limit or
 * because the node was already shown higher up the same path.
 */
public record DependencyTree(
    IssueRef issue, DependencyKind kind, List<DependencyTree> children, boolean truncated) {
  public DependencyTree {
    children = List.copyOf(children);
  }
}
