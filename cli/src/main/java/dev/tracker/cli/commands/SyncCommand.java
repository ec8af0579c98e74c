package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;

final class SyncCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model.named(
        "sync",
        "Sync the project with .tracker/issues.jsonl now.",
        "Run a sync cycle now: export the project to .tracker/issues.jsonl and import changes made"
            + " to the file (a git pull, a hand edit). Fails (exit 1) when the file cannot be read.",
        "With --json: {\"project\",\"exported\",\"imported\",\"committed\",\"pausedAt\","
            + "\"error\"}.");
  }

  @Override
  protected int execute(Output out) {
    JsonObject report = api(out).post(UrlPaths.project(key(), "sync"), null).object();
    if (out.json()) {
      out.printJson(report);
    }
    String error = report.string("error");
    if (error != null) {
      throw CliException.error(
          "sync of " + key() + " failed: " + error,
          report.string("pausedAt") != null
              ? "import is paused at " + report.string("pausedAt") + "; fix the file and sync again"
              : "see 'tracker daemon logs'");
    }
    if (!out.json()) {
      // The daemon reports how many issues it imported (a number), not whether it did.
      long imported = report.number("imported", 0);
      out.info(
          "Synced "
              + key()
              + ": "
              + (report.bool("exported") ? "exported" : "nothing to export")
              + (imported > 0 ? ", imported " + imported + " issue(s)" : "")
              + (report.bool("committed") ? ", committed" : ""));
    }
    return ExitCode.OK;
  }
}
