package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description = {
      "Delete issues.",
      "Delete issues. The daemon keeps a tombstone so that the deletion reaches other clones"
          + " through sync. Each id is deleted on its own, in order; the first failure stops.",
      "With --json: the tombstones, always as an array."
    })
final class DeleteCommand extends ProjectCommand {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Issue ids or unique prefixes.")
  List<String> ids;

  @Override
  protected int execute(Output out) {
    Api api = api(out);
    List<JsonObject> deleted = new ArrayList<>();
    for (String id : ids) {
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
