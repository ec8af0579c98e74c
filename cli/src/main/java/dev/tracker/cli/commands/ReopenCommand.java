package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "reopen",
    description = {
      "Reopen closed issues.",
      "Reopen closed issues; several are reopened all or nothing.",
      "With --json: the reopened issues, always as an array."
    })
final class ReopenCommand extends ProjectCommand {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Issue ids or unique prefixes.")
  List<String> ids;

  @Override
  protected int execute(Output out) {
    List<JsonObject> reopened = StatusChange.apply(api(out), key(), "reopen", ids, null);
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
