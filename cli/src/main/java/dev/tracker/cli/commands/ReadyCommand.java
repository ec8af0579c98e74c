package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class ReadyCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "ready",
            "Issues ready to work on.",
            "Work that can start now: open issues with no open blocker, most urgent first, then"
                + " oldest.",
            "With --json: an array of issues.")
        .option(Integer.class, "N", "At most N issues (1-1000).", "-n", "--limit");
  }

  @Override
  protected int execute(Output out) {
    String target =
        new UrlPaths.Query()
            .add("limit", Inputs.positive("--limit", args.integer("--limit"), 1000))
            .on(UrlPaths.project(key(), "ready"));
    List<JsonObject> issues = JsonObject.objectsOf(api(out).getList(target), "ready");
    if (out.json()) {
      out.printJson(issues);
    } else {
      IssueViews.table(out, issues);
    }
    return ExitCode.OK;
  }
}
