package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.core.error.ExitCode;
import java.util.List;
import java.util.Map;

final class StatsCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "stats",
            "Counts and a timeline.",
            "Counts by status, priority, type and assignee, and issues opened and closed per day.",
            "With --json: {\"total\",\"byStatus\",\"byPriority\",\"byType\",\"byAssignee\","
                + "\"timeline\":[{\"day\",\"opened\",\"closed\"}]}.")
        .option(Integer.class, "N", "Days of timeline, 1 to 366 (default 30).", "--days");
  }

  @Override
  protected int execute(Output out) {
    String target =
        new UrlPaths.Query()
            .add("days", Inputs.positive("--days", args.integer("--days"), 366))
            .on(UrlPaths.project(key(), "stats"));
    JsonObject stats = api(out).getObject(target);
    if (out.json()) {
      out.printJson(stats);
      return ExitCode.OK;
    }
    out.line(out.style().bold("Issues: " + stats.number("total", 0)));
    section(out, "By status", stats.object("byStatus"), "");
    section(out, "By priority", stats.object("byPriority"), "P");
    section(out, "By type", stats.object("byType"), "");
    section(out, "By assignee", stats.object("byAssignee"), "");
    List<JsonObject> timeline = stats.objects("timeline");
    long opened = 0;
    long closed = 0;
    for (JsonObject day : timeline) {
      opened += day.number("opened", 0);
      closed += day.number("closed", 0);
    }
    out.line("");
    out.line("Last " + timeline.size() + " days: " + opened + " opened, " + closed + " closed");
    return ExitCode.OK;
  }

  private static void section(Output out, String title, JsonObject counts, String prefix) {
    if (counts == null || counts.isEmpty()) {
      return;
    }
    out.line("");
    out.line(title + ":");
    Table table = new Table(List.of("", ""), -1);
    for (Map.Entry<String, Object> entry : counts.entrySet()) {
      String name = entry.getKey().isEmpty() ? "(unassigned)" : prefix + entry.getKey();
      table.row("  " + name, String.valueOf(entry.getValue()));
    }
    List<String> lines = table.render(out.width(), out.style());
    for (int i = 1; i < lines.size(); i++) {
      out.line(lines.get(i));
    }
  }
}
