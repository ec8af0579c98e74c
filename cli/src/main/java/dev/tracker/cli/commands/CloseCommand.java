package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class CloseCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "close",
            "Close issues.",
            "Close issues; several are closed all or nothing.",
            "With --json: the closed issues, always as an array.")
        .parameters("1..*", "ID", "Issue ids or unique prefixes.")
        .option("TEXT", "Why, e.g. 'fixed in 1.4.2'.", "-r", "--reason");
  }

  @Override
  protected int execute(Output out) {
    List<JsonObject> closed =
        StatusChange.apply(api(out), key(), "close", args.strings("ID"), args.string("--reason"));
    if (out.json()) {
      out.printJson(closed);
    } else {
      for (JsonObject issue : closed) {
        out.info("Closed " + IssueViews.summary(issue, out.style()));
      }
    }
    return ExitCode.OK;
  }
}
