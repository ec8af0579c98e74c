package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;

final class ListCommand extends ProjectCommand {
  static final int PAGE_MAX = 1000;
  static final String UNFINISHED = "open,in_progress,blocked,deferred";

  @Override
  void declare(CommandModel model) {
    model
        .named(
            "list",
            "List issues.",
            "List issues: by default the unfinished ones, most urgent first. Filters combine with"
                + " AND.")
        .commaSeparated(
            "STATUS", "Only these statuses; repeat or separate with commas.", "-s", "--status")
        .flag("Include closed issues.", "--all")
        .option("P", "Only this priority.", "-p", "--priority")
        .option("P", "Only this urgent or less (0 is most urgent).", "--priority-min")
        .option("P", "Only this urgent or more.", "--priority-max")
        .option("TYPE", "Only this type.", "-t", "--type")
        .option("NAME", "Only issues assigned to NAME.", "-a", "--assignee")
        .flag("Only issues nobody is assigned to.", "--unassigned")
        .repeatable(
            "LABEL",
            "Only issues with every one of these labels; repeatable, comma-separated.",
            "-l",
            "--label")
        .repeatable("LABEL", "Only issues with at least one of these labels.", "--any-label")
        .option("ID", "Only children of this epic.", "--parent")
        .option("WHEN", "Date (2026-03-01, UTC) or instant.", "--created-since")
        .option("WHEN", "Date or instant.", "--created-before")
        .option("WHEN", "Date or instant.", "--updated-since")
        .option("WHEN", "Date or instant.", "--updated-before")
        .option("WORDS", "Full-text filter over titles, descriptions and comments.", "--text")
        .option(
            "ORDER",
            "priority (default: most urgent, then oldest), created, updated or id.",
            "--sort")
        .optionWithDefault(
            int.class,
            100,
            "N",
            "Show at most N issues (default: ${DEFAULT-VALUE}; 0 for all).",
            "-n",
            "--limit");
  }

  @Override
  protected int execute(Output out) {
    UrlPaths.Query query = new UrlPaths.Query();
    List<String> statuses = args.strings("--status");
    if (!statuses.isEmpty()) {
      for (String status : statuses) {
        query.add("status", Inputs.status("--status", status));
      }
    } else if (!args.flag("--all")) {
      query.add("status", UNFINISHED);
    }
    Long exact = Inputs.priority("--priority", args.string("--priority"));
    query
        .add("priority-min", exact != null ? exact : priority("--priority-min"))
        .add("priority-max", exact != null ? exact : priority("--priority-max"))
        .add("type", Inputs.type("--type", args.string("--type")))
        .add("assignee", args.string("--assignee"))
        .add("unassigned", args.flag("--unassigned") ? "true" : null)
        .addAll("label", Inputs.labels(args.strings("--label")))
        .addAll("any-label", Inputs.labels(args.strings("--any-label")))
        .add("parent", args.string("--parent"))
        .add("created-since", time("--created-since"))
        .add("created-before", time("--created-before"))
        .add("updated-since", time("--updated-since"))
        .add("updated-before", time("--updated-before"))
        .add("q", args.string("--text"))
        .add("sort", Inputs.sort("--sort", args.string("--sort")));
    int limit = args.integer("--limit");
    if (limit < 0) {
      throw dev.tracker.cli.CliException.usage("--limit must be 0 (all) or more", null);
    }
    List<JsonObject> issues = fetchAll(api(out), query, UrlPaths.project(key(), "issues"), limit);
    if (out.json()) {
      out.printJson(issues);
    } else {
      IssueViews.table(out, issues);
    }
    return ExitCode.OK;
  }

  private Long priority(String option) {
    return Inputs.priority(option, args.string(option));
  }

  private String time(String option) {
    return Inputs.time(option, args.string(option));
  }

  /** Follows {@code nextCursor} until {@code limit} issues (0: all) or the last page. */
  static List<JsonObject> fetchAll(Api api, UrlPaths.Query query, String path, int limit) {
    List<JsonObject> issues = new ArrayList<>();
    String cursor = null;
    do {
      int want = limit == 0 ? PAGE_MAX : Math.min(PAGE_MAX, limit - issues.size());
      String target = query.copy().add("limit", want).add("cursor", cursor).on(path);
      JsonObject page = api.getObject(target);
      issues.addAll(page.objects("items"));
      cursor = page.string("nextCursor");
    } while (cursor != null && (limit == 0 || issues.size() < limit));
    return issues;
  }
}
