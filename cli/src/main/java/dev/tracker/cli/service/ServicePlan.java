package dev.tracker.cli.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What installing or uninstalling does, in order: {@code before} commands, then the files written
 * and removed, then {@code after} commands. When an {@code after} command of an install fails,
 * {@code undo} runs (every one of its failures tolerated) and the files written are removed, so a
 * failed install leaves nothing behind.
 */
public record ServicePlan(
    ServicePlatform platform,
    List<ServiceStep> before,
    List<ServiceFile> write,
    List<Path> remove,
    List<ServiceStep> after,
    List<ServiceStep> undo) {
  public ServicePlan {
    before = List.copyOf(before);
    write = List.copyOf(write);
    remove = List.copyOf(remove);
    after = List.copyOf(after);
    undo = List.copyOf(undo);
  }

  /** Every command the plan runs when nothing fails, with the tool's name first. */
  public List<List<String>> commands() {
    List<List<String>> commands = new ArrayList<>();
    for (List<ServiceStep> steps : List.of(before, after)) {
      for (ServiceStep step : steps) {
        List<String> command = new ArrayList<>();
        command.add(platform.tool());
        command.addAll(step.args());
        commands.add(command);
      }
    }
    return commands;
  }

  public boolean changesNothing() {
    return write.isEmpty() && remove.isEmpty() && before.isEmpty() && after.isEmpty();
  }
}
