package dev.tracker.cli.commands;

import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Style;
import dev.tracker.cli.output.TextWidth;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class DepCommand extends GroupCommand {
  static final String KINDS = "blocks (default), parent-child, related, discovered-from";

  DepCommand() {
    super(
        "dep",
        "Dependencies between issues: add, remove, list, tree, cycles.",
        new Add(),
        new Remove(),
        new ListDeps(),
        new Tree(),
        new Cycles());
  }

  /** One edge as seen from the issue {@code id}: "blocked by trk-x", "blocks trk-y", ... */
  static String describe(JsonObject edge, String id) {
    String kind = edge.string("kind", "");
    boolean outgoing = id != null && id.equals(edge.string("issue"));
    String other = outgoing ? edge.string("dependsOn", "?") : edge.string("issue", "?");
    switch (kind) {
      case "blocks":
        return (outgoing ? "blocked by " : "blocks ") + other;
      case "parent-child":
        return (outgoing ? "child of " : "parent of ") + other;
      case "discovered-from":
        return (outgoing ? "discovered from " : "led to ") + other;
      default:
        return kind.replace('-', ' ') + " " + other;
    }
  }

  /** One edge from ID to OTHER: {@code dep add|remove ID OTHER [-k KIND]}. */
  abstract static class Edge extends ProjectCommand {
    /** The parameters and options; subclasses name the subcommand. */
    @Override
    void declare(CommandModel model) {
      model
          .parameter("ID", "The issue that depends.")
          .parameter("OTHER", "The issue it depends on.")
          .optionWithDefault(String.class, "blocks", "KIND", KINDS + ".", "-k", "--kind");
    }

    @Override
    protected final int execute(Output out) {
      return execute(out, args.string("ID"), args.string("OTHER"), args.string("--kind"));
    }

    abstract int execute(Output out, String id, String other, String kind);
  }

  static final class Add extends Edge {
    @Override
    void declare(CommandModel model) {
      super.declare(
          model.named(
              "add",
              "Record that ID depends on OTHER: with the default kind 'blocks', OTHER must be"
                  + " closed before ID is ready. A 'blocks' edge that would close a cycle is"
                  + " refused (exit 4).",
              "With --json: the new edge {\"issue\",\"dependsOn\",\"kind\"}."));
    }

    @Override
    int execute(Output out, String id, String other, String kind) {
      JsonObject body =
          new JsonObject().with("dependsOn", other).with("kind", Inputs.kind("--kind", kind));
      JsonObject edge = api(out).post(UrlPaths.issue(key(), id, "dependencies"), body).object();
      if (out.json()) {
        out.printJson(edge);
      } else {
        out.info(edge.string("issue", id) + " " + describe(edge, edge.string("issue", id)));
      }
      return ExitCode.OK;
    }
  }

  static final class Remove extends Edge {
    @Override
    void declare(CommandModel model) {
      super.declare(
          model.named(
              "remove", "Remove the edge from ID to OTHER.", "With --json: the daemon's answer."));
    }

    @Override
    int execute(Output out, String id, String other, String kind) {
      Object answer =
          api(out)
              .send(
                  "DELETE",
                  UrlPaths.issue(key(), id, "dependencies", Inputs.kind("--kind", kind), other),
                  null,
                  null)
              .body();
      if (out.json()) {
        out.printJson(answer);
      } else {
        out.info("Removed " + kind + " edge " + id + " -> " + other);
      }
      return ExitCode.OK;
    }
  }

  static final class ListDeps extends ProjectCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named(
              "list",
              "Every edge touching an issue.",
              "With --json: [{\"issue\",\"dependsOn\",\"kind\"}].")
          .parameter("ID", "Issue id or unique prefix.");
    }

    @Override
    protected int execute(Output out) {
      String full = api(out).getObject(UrlPaths.issue(key(), args.string("ID"))).string("id");
      List<JsonObject> edges =
          JsonObject.objectsOf(
              api(out).getList(UrlPaths.issue(key(), full, "dependencies")), "dependencies");
      if (out.json()) {
        out.printJson(edges);
      } else if (edges.isEmpty()) {
        out.info(full + " has no dependencies.");
      } else {
        for (JsonObject edge : edges) {
          out.line(describe(edge, full));
        }
      }
      return ExitCode.OK;
    }
  }

  static final class Tree extends ProjectCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named(
              "tree",
              "The dependency tree of an issue: what it depends on (down, the default) or what"
                  + " depends on it (--up).",
              "With --json: {\"issue\":{\"id\",\"title\",\"status\",\"priority\"},\"kind\","
                  + "\"children\":[...],\"truncated\"}.")
          .parameter("ID", "Issue id or unique prefix.")
          .flag("Show what depends on the issue instead.", "--up")
          .option(Integer.class, "N", "How deep to go, 1 to 50.", "--depth");
    }

    @Override
    protected int execute(Output out) {
      String target =
          new UrlPaths.Query()
              .add("direction", args.flag("--up") ? "up" : "down")
              .add("depth", Inputs.positive("--depth", args.integer("--depth"), 50))
              .on(UrlPaths.issue(key(), args.string("ID"), "tree"));
      JsonObject tree = api(out).getObject(target);
      if (out.json()) {
        out.printJson(tree);
      } else {
        StringBuilder text = new StringBuilder();
        render(tree, "", "", out.style(), text);
        out.stdout().print(text);
      }
      return ExitCode.OK;
    }

    private static void render(
        JsonObject node, String prefix, String childPrefix, Style style, StringBuilder text) {
      JsonObject issue = node.object("issue");
      String kind = node.string("kind");
      text.append(prefix)
          .append(kind == null ? "" : style.dim(kind + ": "))
          .append(issue == null ? "?" : IssueViews.summary(issue, style))
          .append(node.bool("truncated") ? style.dim(" ...") : "")
          .append('\n');
      List<JsonObject> children = node.objects("children");
      for (int i = 0; i < children.size(); i++) {
        boolean last = i == children.size() - 1;
        render(
            children.get(i),
            childPrefix + (last ? "└── " : "├── "),
            childPrefix + (last ? "    " : "│   "),
            style,
            text);
      }
    }
  }

  static final class Cycles extends ProjectCommand {
    @Override
    void declare(CommandModel model) {
      model.named(
          "cycles",
          "Cycles of 'blocks' edges in the project (only sync can bring them in).",
          "With --json: [{\"path\":[\"id\", ...]}], the first id repeated last.");
    }

    @Override
    protected int execute(Output out) {
      List<JsonObject> cycles =
          JsonObject.objectsOf(api(out).getList(UrlPaths.project(key(), "cycles")), "cycles");
      if (out.json()) {
        out.printJson(cycles);
      } else if (cycles.isEmpty()) {
        out.info("No cycles.");
      } else {
        for (JsonObject cycle : cycles) {
          out.line(TextWidth.oneLine(String.join(" -> ", cycle.strings("path"))));
        }
      }
      return ExitCode.OK;
    }
  }
}
