package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "list",
    description = {
      "List issues.",
      "List issues: by default the unfinished ones, most urgent first. Filters combine with AND."
    })
final class ListCommand extends ProjectCommand {
  static final int PAGE_MAX = 1000;
  static final String UNFINISHED = "open,in_progress,blocked,deferred";

  @Option(
      names = {"-s", "--status"},
      paramLabel = "STATUS",
      split = ",",
      description = "Only these statuses; repeat or separate with commas.")
  List<String> statuses;

  @Option(names = "--all", description = "Include closed issues.")
  boolean all;

  @Option(
      names = {"-p", "--priority"},
      paramLabel = "P",
      description = "Only this priority.")
  String priority;

  @Option(
      names = "--priority-min",
      paramLabel = "P",
      description = "Only this urgent or less (0 is most urgent).")
  String priorityMin;

  @Option(names = "--priority-max", paramLabel = "P", description = "Only this urgent or more.")
  String priorityMax;

  @Option(
      names = {"-t", "--type"},
      paramLabel = "TYPE",
      description = "Only this type.")
  String type;

  @Option(
      names = {"-a", "--assignee"},
      paramLabel = "NAME",
      description = "Only issues assigned to NAME.")
  String assignee;

  @Option(names = "--unassigned", description = "Only issues nobody is assigned to.")
  boolean unassigned;

  @Option(
      names = {"-l", "--label"},
      paramLabel = "LABEL",
      description = "Only issues with every one of these labels; repeatable, comma-separated.")
  List<String> labels;

  @Option(
      names = "--any-label",
      paramLabel = "LABEL",
      description = "Only issues with at least one of these labels.")
  List<String> anyLabels;

  @Option(names = "--parent", paramLabel = "ID", description = "Only children of this epic.")
  String parent;

  @Option(
      names = "--created-since",
      paramLabel = "WHEN",
      description = "Date (2026-03-01, UTC) or instant.")
  String createdSince;

  @Option(names = "--created-before", paramLabel = "WHEN", description = "Date or instant.")
  String createdBefore;

  @Option(names = "--updated-since", paramLabel = "WHEN", description = "Date or instant.")
  String updatedSince;

  @Option(names = "--updated-before", paramLabel = "WHEN", description = "Date or instant.")
  String updatedBefore;

  @Option(
      names = "--text",
      paramLabel = "WORDS",
      description = "Full-text filter over titles, descriptions and comments.")
  String text;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "priority (default: most urgent, then oldest), created, updated or id.")
  String sort;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      description = "Show at most N issues (default: ${DEFAULT-VALUE}; 0 for all).")
  int limit = 100;

  @Override
  protected int execute(Output out) {
    UrlPaths.Query query = new UrlPaths.Query();
    if (statuses != null && !statuses.isEmpty()) {
      for (String status : statuses) {
        query.add("status", Inputs.status("--status", status));
      }
    } else if (!all) {
      query.add("status", UNFINISHED);
    }
    Long exact = Inputs.priority("--priority", priority);
    query
        .add("priority-min", exact != null ? exact : Inputs.priority("--priority-min", priorityMin))
        .add("priority-max", exact != null ? exact : Inputs.priority("--priority-max", priorityMax))
        .add("type", Inputs.type("--type", type))
        .add("assignee", assignee)
        .add("unassigned", unassigned ? "true" : null)
        .addAll("label", Inputs.labels(labels))
        .addAll("any-label", Inputs.labels(anyLabels))
        .add("parent", parent)
        .add("created-since", Inputs.time("--created-since", createdSince))
        .add("created-before", Inputs.time("--created-before", createdBefore))
        .add("updated-since", Inputs.time("--updated-since", updatedSince))
        .add("updated-before", Inputs.time("--updated-before", updatedBefore))
        .add("q", text)
        .add("sort", Inputs.sort("--sort", sort));
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
