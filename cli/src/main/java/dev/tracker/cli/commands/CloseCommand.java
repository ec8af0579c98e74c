package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "close",
    description = {
      "Close issues.",
      "Close issues; several are closed all or nothing.",
      "With --json: the closed issues, always as an array."
    })
final class CloseCommand extends ProjectCommand {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Issue ids or unique prefixes.")
  List<String> ids;

  @Option(
      names = {"-r", "--reason"},
      paramLabel = "TEXT",
      description = "Why, e.g. 'fixed in 1.4.2'.")
  String reason;

  @Override
  protected int execute(Output out) {
    List<JsonObject> closed = StatusChange.apply(api(out), key(), "close", ids, reason);
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
