package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;

final class BlockedCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "blocked",
            "Issues waiting on blockers.",
            "Unfinished issues that wait on open blockers, or are marked blocked, with their"
                + " blockers.",
            "With --json: [{\"issue\":{...},\"blockers\":[{\"id\",\"title\",\"status\","
                + "\"priority\"}]}].")
        .option(Integer.class, "N", "At most N issues (1-1000).", "-n", "--limit");
  }

  @Override
  protected int execute(Output out) {
    String target =
        new UrlPaths.Query()
            .add("limit", Inputs.positive("--limit", args.integer("--limit"), 1000))
            .on(UrlPaths.project(key(), "blocked"));
    List<JsonObject> blocked = JsonObject.objectsOf(api(out).getList(target), "blocked");
    if (out.json()) {
      out.printJson(blocked);
      return ExitCode.OK;
    }
    if (blocked.isEmpty()) {
      out.info("Nothing is blocked.");
      return ExitCode.OK;
    }
    Table table = new Table(List.of("ID", "P", "BLOCKED BY", "TITLE"), 3);
    for (JsonObject entry : blocked) {
      JsonObject issue = entry.object("issue");
      List<String> blockers = new ArrayList<>();
      for (JsonObject blocker : entry.objects("blockers")) {
        blockers.add(blocker.string("id", "?"));
      }
      long priority = issue.number("priority", 2);
      String[] plain = {
        issue.string("id", ""),
        "P" + priority,
        blockers.isEmpty() ? "(marked)" : String.join(",", blockers),
        issue.string("title", "")
      };
      String[] styled = plain.clone();
      styled[1] = out.style().priority(priority, plain[1]);
      table.row(plain, styled);
    }
    out.table(table);
    return ExitCode.OK;
  }
}
