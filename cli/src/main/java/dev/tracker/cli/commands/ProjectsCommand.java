package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.cli.project.ResolvedProject;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class ProjectsCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model.named(
        "projects",
        "List projects; show the current one.",
        "List the registered projects and show which one this directory resolves to (marked *).",
        "With --json: {\"current\":{\"key\",\"source\",\"root\"},\"projects\":[{\"key\","
            + "\"name\",\"root\",\"changeCount\",\"createdAt\"}]}.");
  }

  @Override
  protected int execute(Output out) {
    ResolvedProject current = project();
    // Not api(out): listing the projects registers none of them.
    List<JsonObject> projects =
        JsonObject.objectsOf(context.api(out).getList("/v1/projects"), "projects");
    if (out.json()) {
      out.printJson(
          new JsonObject()
              .with(
                  "current",
                  new JsonObject()
                      .with("key", current.key())
                      .with("source", current.source().name().toLowerCase(java.util.Locale.ROOT))
                      .with("root", current.root() == null ? null : current.root().toString()))
              .with("projects", projects));
      return ExitCode.OK;
    }
    Table table = new Table(List.of("", "KEY", "NAME", "ROOT"), 3);
    boolean listed = false;
    for (JsonObject project : projects) {
      boolean here = current.key().equals(project.string("key"));
      listed |= here;
      table.row(
          here ? "*" : " ",
          project.string("key", ""),
          project.string("name", ""),
          project.string("root", "(personal)"));
    }
    if (!projects.isEmpty()) {
      out.table(table);
    }
    out.info(
        "This directory uses "
            + current.key()
            + " (from "
            + current.source().label()
            + (current.root() != null ? " in " + current.root() : "")
            + ")"
            + (listed ? "" : "; it is not registered yet and will be on first use"));
    return ExitCode.OK;
  }
}
