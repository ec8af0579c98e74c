package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.nio.file.Path;

/** {@code tracker backup FILE}: a consistent copy of the whole database, taken while it serves. */
final class BackupCommand extends BaseCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "backup",
            "Copy the whole database (every project) to a new file, while the daemon runs.",
            "The daemon writes the copy with SQLite's VACUUM INTO: the state of one moment,"
                + " consistent and compacted, while other commands carry on. FILE must not exist;"
                + " the copy appears under its name only once complete. To restore: stop the"
                + " daemon ('tracker daemon stop') and put the copy in place of the database"
                + " ('tracker daemon status' names it). See docs/operations.md.",
            "With --json: {\"file\",\"sizeBytes\",\"millis\"}.")
        .parameter("FILE", "The new file to write (a relative path is taken from here).");
  }

  @Override
  protected int execute(Output out) {
    Path file = context.env().workingDir().resolve(args.string("FILE")).normalize();
    JsonObject report =
        context
            .api(out)
            .post("/v1/backup", new JsonObject().with("file", file.toString()))
            .object();
    if (out.json()) {
      out.printJson(report);
    } else {
      out.line(
          "Backed up the database to "
              + report.string("file")
              + " ("
              + report.number("sizeBytes", 0) / 1024
              + " KiB in "
              + report.number("millis", 0)
              + " ms)");
    }
    return ExitCode.OK;
  }
}
