package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.edit.Editor;
import dev.tracker.cli.edit.IssueTemplate;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "create",
    description = {
      "Create an issue.",
      "Create an issue. Without a title (or with --edit) your editor opens on a template, as"
          + " for a git commit; an empty title aborts."
    })
final class CreateCommand extends ProjectCommand {
  @Parameters(arity = "0..*", paramLabel = "TITLE", description = "The title; words are joined.")
  List<String> title = new ArrayList<>();

  @Option(
      names = {"-d", "--description"},
      paramLabel = "TEXT",
      description = "Description (Markdown).")
  String description;

  @Option(
      names = "--description-file",
      paramLabel = "FILE",
      description = "Read the description from FILE ('-' for stdin).")
  String descriptionFile;

  @Option(
      names = {"-p", "--priority"},
      paramLabel = "P",
      description = "0-4 or critical, high, medium, low, backlog (default: medium).")
  String priority;

  @Option(
      names = {"-t", "--type"},
      paramLabel = "TYPE",
      description = "bug, feature, task (default), epic, chore.")
  String type;

  @Option(
      names = {"-s", "--status"},
      paramLabel = "STATUS",
      description = "open (default), in_progress, blocked, deferred, closed.")
  String status;

  @Option(
      names = {"-a", "--assignee"},
      paramLabel = "NAME",
      description = "Who works on it.")
  String assignee;

  @Option(
      names = {"-l", "--label"},
      paramLabel = "LABEL",
      description = "A label; repeat or separate with commas.")
  List<String> labels;

  @Option(names = "--parent", paramLabel = "ID", description = "The epic this issue belongs to.")
  String parent;

  @Option(
      names = "--blocked-by",
      paramLabel = "ID",
      description = "An issue that must be closed first; repeatable.")
  List<String> blockedBy;

  @Option(
      names = "--depends-on",
      paramLabel = "KIND:ID",
      description = "Another edge, e.g. related:trk-a1b2 or discovered-from:trk-c3d4; repeatable.")
  List<String> dependsOn;

  @Option(
      names = {"-e", "--edit"},
      description = "Open the editor even when a title is given.")
  boolean edit;

  @Override
  protected int execute(Output out) {
    String text = descriptionText();
    String titleText = String.join(" ", title).trim();
    if (titleText.isEmpty() || edit) {
      Editor editor = Editor.choose(context.env(), context.config().get(ConfigKey.EDITOR));
      String edited =
          editor.edit(
              IssueTemplate.render(titleText, text, "New issue in project " + key()),
              context.env(),
              out.stdout(),
              out.stderr());
      IssueTemplate.Edited result = IssueTemplate.parse(edited);
      if (result.title() == null || result.title().isEmpty()) {
        throw CliException.error("aborted: the title is empty; nothing was created", null);
      }
      titleText = result.title();
      text = result.description().isEmpty() ? null : result.description();
    }
    JsonObject draft =
        new JsonObject()
            .with("title", titleText)
            .with("description", text)
            .with("status", Inputs.status("--status", status))
            .with("priority", Inputs.priority("--priority", priority))
            .with("type", Inputs.type("--type", type))
            .with("assignee", Inputs.nonBlank("--assignee", assignee))
            .with("parent", Inputs.nonBlank("--parent", parent));
    List<String> labelList = Inputs.labels(labels);
    if (!labelList.isEmpty()) {
      draft.put("labels", labelList);
    }
    List<Object> edges = edges();
    if (!edges.isEmpty()) {
      draft.put("dependencies", edges);
    }
    JsonObject issue = api(out).post(UrlPaths.project(key(), "issues"), draft).object();
    if (out.json()) {
      out.printJson(issue);
    } else if (out.quiet()) {
      out.line(issue.string("id"));
    } else {
      out.line("Created " + IssueViews.summary(issue, out.style()));
    }
    return ExitCode.OK;
  }

  private String descriptionText() {
    if (description != null && descriptionFile != null) {
      throw CliException.usage(
          "--description and --description-file exclude each other", "give only one of them");
    }
    return descriptionFile != null
        ? TextSources.read("--description-file", descriptionFile, context.env())
        : description;
  }

  private List<Object> edges() {
    List<Object> edges = new ArrayList<>();
    if (blockedBy != null) {
      for (String id : blockedBy) {
        edges.add(new JsonObject().with("kind", "blocks").with("dependsOn", id));
      }
    }
    if (dependsOn != null) {
      for (String edge : dependsOn) {
        int colon = edge.indexOf(':');
        if (colon <= 0 || colon == edge.length() - 1) {
          throw CliException.usage(
              "--depends-on: expected KIND:ID, such as related:trk-a1b2 (got '" + edge + "')",
              null);
        }
        edges.add(
            new JsonObject()
                .with("kind", Inputs.kind("--depends-on", edge.substring(0, colon)))
                .with("dependsOn", edge.substring(colon + 1)));
      }
    }
    return edges;
  }
}
