package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.TextWidth;
import dev.tracker.core.error.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    description = {
      "Full-text search.",
      "Full-text search over titles, descriptions and comments, best match first.",
      "With --json: [{\"issue\":{...},\"score\",\"snippet\"}] (score: BM25, lower is better)."
    })
final class SearchCommand extends ProjectCommand {
  @Parameters(arity = "1..*", paramLabel = "WORDS", description = "What to look for.")
  List<String> words;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      description = "At most N hits (1-1000).")
  Integer limit;

  @Override
  protected int execute(Output out) {
    String query = String.join(" ", words).trim();
    if (query.isEmpty()) {
      throw CliException.usage("nothing to search for", "give some words");
    }
    String target =
        new UrlPaths.Query()
            .add("q", query)
            .add("limit", Inputs.positive("--limit", limit, 1000))
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
