package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class ReopenCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "reopen",
            "Reopen closed issues.",
            "Reopen closed issues; several are reopened all or nothing.",
            "With --json: the reopened issues, always as an array.")
        .parameters("1..*", "ID", "Issue ids or unique prefixes.");
  }

  @Override
  protected int execute(Output out) {
    List<JsonObject> reopened =
        StatusChange.apply(api(out), key(), "reopen", args.strings("ID"), null);
    if (out.json()) {
      out.printJson(reopened);
    } else {
      for (JsonObject issue : reopened) {
        out.info("Reopened " + IssueViews.summary(issue, out.style()));
      }
    }
    return ExitCode.OK;
  }
}
