package dev.tracker.cli.service;

import java.util.List;

/**
 * One command of the service manager, as {@code argv} after the tool's name.
 *
 * @param mayFail a failure is expected in ordinary cases (unloading an agent that is not loaded)
 *     and stops nothing
 */
public record ServiceStep(List<String> args, boolean mayFail) {
  public ServiceStep {
    args = List.copyOf(args);
  }

  public static ServiceStep of(String... args) {
    return new ServiceStep(List.of(args), false);
  }

  public static ServiceStep tolerant(String... args) {
    return new ServiceStep(List.of(args), true);
  }
}
