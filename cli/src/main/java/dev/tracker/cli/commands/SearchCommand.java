package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.TextWidth;
import dev.tracker.core.error.ExitCode;
import java.util.List;

final class SearchCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "search",
            "Full-text search.",
            "Full-text search over titles, descriptions and comments, best match first.",
            "With --json: [{\"issue\":{...},\"score\",\"snippet\"}] (score: BM25, lower is"
                + " better).")
        .parameters("1..*", "WORDS", "What to look for.")
        .option(Integer.class, "N", "At most N hits (1-1000).", "-n", "--limit");
  }

  @Override
  protected int execute(Output out) {
    String query = String.join(" ", args.strings("WORDS")).trim();
    if (query.isEmpty()) {
      throw CliException.usage("nothing to search for", "give some words");
    }
    String target =
        new UrlPaths.Query()
            .add("q", query)
            .add("limit", Inputs.positive("--limit", args.integer("--limit"), 1000))
            .on(UrlPaths.project(key(), "search"));
    List<JsonObject> hits = JsonObject.objectsOf(api(out).getList(target), "search");
    if (out.json()) {
      out.printJson(hits);
      return ExitCode.OK;
    }
    if (hits.isEmpty()) {
      out.info("No matches.");
    }
    int width = out.width();
    for (JsonObject hit : hits) {
      JsonObject issue = hit.object("issue");
      String plain = issue.string("id", "") + "  " + issue.string("title", "");
      out.line(
          TextWidth.of(plain) > width
              ? TextWidth.truncate(plain, width)
              : IssueViews.summary(issue, out.style()));
      String snippet = hit.string("snippet");
      if (snippet != null && !snippet.isBlank()) {
        out.line(out.style().dim(TextWidth.truncate("    " + snippet, width)));
      }
    }
    return ExitCode.OK;
  }
}
