package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;

final class DeleteCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "delete",
            "Delete issues.",
            "Delete issues. The daemon keeps a tombstone so that the deletion reaches other clones"
                + " through sync. Each id is deleted on its own, in order; the first failure stops.",
            "With --json: the tombstones, always as an array.")
        .parameters("1..*", "ID", "Issue ids or unique prefixes.");
  }

  @Override
  protected int execute(Output out) {
    Api api = api(out);
    List<JsonObject> deleted = new ArrayList<>();
    for (String id : args.strings("ID")) {
      JsonObject tombstone = api.send("DELETE", UrlPaths.issue(key(), id), null, null).object();
      deleted.add(tombstone);
      out.info("Deleted " + tombstone.string("id") + ": " + tombstone.string("title", ""));
    }
    if (out.json()) {
      out.printJson(deleted);
    }
    return ExitCode.OK;
  }
}
