package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.UrlPaths;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

final class ExportCommand extends ProjectCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "export",
            "Export the project's issues.",
            "Export every issue of the project, closed ones included, sorted by id: jsonl (the sync"
                + " file's format, with dependencies, comments and the tombstones of deleted issues;"
                + " what 'tracker import' reads), json, csv or markdown (live issues only).",
            "With --json and no --output: the json format. With --output, --json prints"
                + " {\"file\",\"format\",\"issues\"}.")
        .option("FORMAT", "jsonl (default), json, csv or markdown.", "-f", "--format")
        .option(
            Path.class,
            "FILE",
            "Write to FILE (replaced atomically) instead of stdout.",
            "-o",
            "--output");
  }

  @Override
  protected int execute(Output out) throws IOException {
    Path output = args.path("--output");
    String chosen = format(output);
    Api api = api(out);
    // One request: the daemon's snapshot in the sync file's format, tombstones included.
    byte[] jsonl = api.getBytes(UrlPaths.project(key(), "export"));
    List<JsonObject> issues = ExportFormats.liveIssues(jsonl);
    String text =
        chosen.equals("jsonl")
            ? new String(jsonl, StandardCharsets.UTF_8)
            : ExportFormats.render(chosen, key(), issues);
    if (output == null) {
      out.stdout().print(text);
      return ExitCode.OK;
    }
    Path file = context.env().workingDir().resolve(output);
    writeAtomically(file, text);
    if (out.json()) {
      out.printJson(
          new JsonObject()
              .with("file", file.toString())
              .with("format", chosen)
              .with("issues", issues.size()));
    } else {
      out.info("Exported " + issues.size() + " issues to " + file + " (" + chosen + ")");
    }
    return ExitCode.OK;
  }

  private String format(Path output) {
    String format = args.string("--format");
    String chosen = format == null ? null : format.trim().toLowerCase(Locale.ROOT);
    if (chosen != null && chosen.equals("md")) {
      chosen = "markdown";
    }
    if (chosen != null && !List.of(ExportFormats.NAMES).contains(chosen)) {
      throw CliException.usage(
          "--format: unknown format '" + format + "'", "use jsonl, json, csv or markdown");
    }
    if (args.flag("--json") && output == null) {
      if (chosen != null && !chosen.equals("json")) {
        throw CliException.usage(
            "--json prints JSON on stdout, but --format is " + chosen,
            "drop --json, or write the " + chosen + " export to a file with --output");
      }
      return "json";
    }
    return chosen == null ? "jsonl" : chosen;
  }

  private static void writeAtomically(Path file, String text) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw CliException.error("cannot write " + file + ": " + e.getMessage(), null);
    }
  }
}
