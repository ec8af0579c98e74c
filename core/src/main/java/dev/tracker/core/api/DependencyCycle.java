package dev.tracker.core.api;

import java.util.List;

/**
 * A cycle of {@code blocks} edges, as ids: each blocks the one before it; the first is repeated
 * last.
 */
public record DependencyCycle(List<String> path) {
  public DependencyCycle {
    path = List.copyOf(path);
  }
}
