package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.nio.file.Files;

final class VersionCommand extends BaseCommand {
  @Override
  void declare(CommandModel model) {
    model.named(
        "version",
        "Show the versions of tracker and the daemon.",
        "Show this tracker's version and API version, and the running daemon's, if any (it is"
            + " not started for this).",
        "With --json: {\"version\",\"apiVersion\",\"daemon\":{\"version\",\"apiVersion\","
            + "\"pid\"} or null}.");
  }

  @Override
  protected int execute(Output out) {
    String version = context.settings().version();
    int api = context.settings().apiVersion();
    JsonObject daemon = null;
    if (Files.exists(context.paths().socket())) {
      daemon = context.api(out).control().probe();
    }
    if (out.json()) {
      JsonObject json = new JsonObject().with("version", version).with("apiVersion", api);
      json.put(
          "daemon",
          daemon == null
              ? null
              : new JsonObject()
                  .with("version", daemon.string("version"))
                  .with("apiVersion", daemon.get("apiVersion"))
                  .with("pid", daemon.get("pid")));
      out.printJson(json);
      return ExitCode.OK;
    }
    out.line("tracker " + version + " (API v" + api + ")");
    out.line(
        daemon == null
            ? "daemon: not running"
            : "daemon: "
                + daemon.string("version", "unknown")
                + " (API v"
                + daemon.get("apiVersion")
                + ", pid "
                + daemon.get("pid")
                + ")");
    return ExitCode.OK;
  }
}
