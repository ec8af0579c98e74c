package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class HistoryCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "history",
            "An issue's history.",
            "An issue's history, oldest first: who changed what, from what, to what.",
            "With --json: [{\"id\",\"issueId\",\"kind\",\"field\",\"from\",\"to\","
                + "\"actor\",\"at\"}].")
        .parameter("ID", "Issue id or unique prefix.");
  }

  @Override
  protected int execute(Output out) {
    List<JsonObject> events =
        JsonObject.objectsOf(
            api(out).getList(UrlPaths.issue(key(), args.string("ID"), "events")), "events");
    if (out.json()) {
      out.printJson(events);
      return ExitCode.OK;
    }
    if (events.isEmpty()) {
      out.info("No history.");
      return ExitCode.OK;
    }
    Table table = new Table(List.of("WHEN", "WHO", "WHAT"), 2);
    for (JsonObject event : events) {
      table.row(Times.brief(event.string("at")), event.string("actor", "?"), describe(event));
    }
    out.table(table);
    return ExitCode.OK;
  }

  static String describe(JsonObject event) {
    String kind = event.string("kind", "?");
    String field = event.string("field");
    String from = event.string("from");
    String to = event.string("to");
    if (field == null) {
      return to == null ? kind : kind + " " + to;
    }
    return field + ": " + (from == null ? "(none)" : from) + " -> " + (to == null ? "(none)" : to);
  }
}
