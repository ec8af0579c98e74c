package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.DaemonControl;
import dev.tracker.cli.daemon.DaemonExecutable;
import dev.tracker.cli.daemon.LogTail;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class DaemonCommand extends GroupCommand {
  DaemonCommand() {
    super(
        "daemon",
        "Start, stop and look at the daemon (commands start it on demand anyway).",
        new Start(),
        new Stop(),
        new Restart(),
        new Status(),
        new Run(),
        new Logs(),
        new DaemonInstallCommand(),
        new DaemonUninstallCommand());
  }

  static JsonObject summary(JsonObject health, boolean running) {
    JsonObject json = new JsonObject().with("running", running);
    if (health != null) {
      json.with("version", health.string("version"))
          .with("apiVersion", health.get("apiVersion"))
          .with("pid", health.get("pid"))
          .with("uptimeSeconds", health.get("uptimeSeconds"));
    }
    return json;
  }

  static String describe(JsonObject health) {
    return "pid " + health.get("pid") + ", version " + health.string("version", "unknown");
  }

  static final class Start extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model.named(
          "start",
          "Start the daemon in the background unless one runs; waits until it answers (10 s).",
          "With --json: {\"running\",\"started\",\"version\",\"apiVersion\",\"pid\","
              + "\"uptimeSeconds\"}.");
    }

    @Override
    protected int execute(Output out) {
      DaemonControl control = context.api(out).control();
      JsonObject health = control.probe();
      boolean started = health == null;
      if (started) {
        health = control.startAndWait();
      }
      if (out.json()) {
        out.printJson(summary(health, true).with("started", started));
      } else {
        out.info((started ? "Started the daemon (" : "Already running (") + describe(health) + ")");
      }
      return ExitCode.OK;
    }
  }

  static final class Stop extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model.named(
          "stop",
          "Stop the daemon and wait until its process has exited and its socket is gone."
              + " Says so when none was running (exit 0 either way).",
          "With --json: {\"wasRunning\",\"pid\"}.");
    }

    @Override
    protected int execute(Output out) {
      DaemonControl control = context.api(out).control();
      JsonObject health = control.probe();
      if (health != null) {
        control.stop(health);
      }
      if (out.json()) {
        out.printJson(
            new JsonObject()
                .with("wasRunning", health != null)
                .with("pid", health == null ? null : health.get("pid")));
      } else {
        out.line(
            health == null
                ? "The daemon is not running."
                : "Stopped the daemon ("
                    + describe(health)
                    + ")"
                    + (DaemonControl.socketActivated(health)
                        ? "; systemd keeps its socket and starts it again at the next command"
                        : ""));
      }
      return ExitCode.OK;
    }
  }

  static final class Restart extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model.named(
          "restart",
          "Stop the daemon if it runs, then start a new one.",
          "With --json: as for start.");
    }

    @Override
    protected int execute(Output out) {
      DaemonControl control = context.api(out).control();
      JsonObject health = control.probe();
      if (health != null) {
        control.stop(health);
      }
      JsonObject started = control.startAndWait();
      if (out.json()) {
        out.printJson(summary(started, true).with("started", true));
      } else {
        out.info("Restarted the daemon (" + describe(started) + ")");
      }
      return ExitCode.OK;
    }
  }

  static final class Status extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model.named(
          "status",
          "Whether the daemon runs, and what it reports: version, pid, paths, projects and their"
              + " sync state. Exit 5 when it is not running.",
          "With --json: {\"running\":false}, or {\"running\":true,\"health\":{...},\"status\":{...}}"
              + " with the API's /v1/health and /v1/status.");
    }

    @Override
    protected int execute(Output out) {
      DaemonControl control = context.api(out).control();
      JsonObject health = control.probe();
      if (health == null) {
        if (out.json()) {
          out.printJson(new JsonObject().with("running", false));
        } else {
          out.line("The daemon is not running (socket " + control.paths().socket() + ").");
        }
        return ExitCode.UNAVAILABLE;
      }
      JsonObject status = control.getJson("/v1/status");
      if (out.json()) {
        out.printJson(
            new JsonObject().with("running", true).with("health", health).with("status", status));
        return ExitCode.OK;
      }
      out.line(
          "The daemon is running ("
              + describe(health)
              + ", API v"
              + health.get("apiVersion")
              + ")");
      out.line(
          "  uptime: "
              + health.get("uptimeSeconds")
              + " s, requests served: "
              + status.get("requests"));
      JsonObject process = status.object("process");
      if (process != null) {
        out.line(
            "  memory: "
                + megabytes(process.get("rssBytes"))
                + " resident, "
                + megabytes(process.get("heapUsedBytes"))
                + " heap in use; open files: "
                + process.get("openFiles")
                + ", threads: "
                + process.get("threads"));
      }
      JsonObject paths = status.object("paths");
      if (paths != null) {
        for (String key : paths.keySet()) {
          out.line("  " + key + ": " + paths.get(key));
        }
      }
      for (Object project : status.list("projects")) {
        if (project instanceof JsonObject p) {
          out.line(
              "  project "
                  + p.string("key")
                  + (p.string("root") != null ? " (" + p.string("root") + ")" : " (personal)"));
        }
      }
      Set<String> synced = new HashSet<>();
      for (JsonObject sync : status.objects("sync")) {
        synced.add(sync.string("project"));
        out.line("  sync of " + sync.string("project") + ": " + describeSync(sync));
      }
      for (JsonObject project : status.objects("projects")) {
        // The sync loop reports a project from its first cycle on, a second or so after it appears.
        if (project.string("root") != null && !synced.contains(project.string("key"))) {
          out.line("  sync of " + project.string("key") + ": not synced yet");
        }
      }
      return ExitCode.OK;
    }

    private static String megabytes(Object bytes) {
      return bytes instanceof Number n && n.longValue() >= 0
          ? (n.longValue() + (1 << 19)) / (1 << 20) + " MB"
          : "unknown";
    }

    private static String describeSync(JsonObject sync) {
      StringBuilder text = new StringBuilder();
      text.append("last export ").append(sync.string("lastExport", "never"));
      text.append(", last import ").append(sync.string("lastImport", "never"));
      if (Boolean.TRUE.equals(sync.get("dirty"))) {
        text.append(", changes waiting");
      }
      if (sync.string("pausedAt") != null) {
        text.append(", PAUSED at ").append(sync.string("pausedAt"));
      }
      if (sync.string("lastError") != null) {
        text.append(", last error: ").append(sync.string("lastError"));
      }
      return text.toString();
    }
  }

  static final class Run extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named(
              "run",
              "Run the daemon in the foreground (Ctrl-C stops it); extra arguments go to"
                  + " tracker-daemon, e.g. -- --idle-timeout 30m.",
              "Prints no JSON: the daemon's own output goes to the terminal.")
          .parameters("0..*", "ARG", "Arguments for tracker-daemon run.");
    }

    @Override
    protected int execute(Output out) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(DaemonExecutable.find(context.env()).toString());
      command.add("run");
      command.addAll(args.strings("ARG"));
      out.stdout().flush();
      try {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ExitCode.ERROR;
      }
    }
  }

  static final class Logs extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named(
              "logs",
              "Print the end of the daemon's log; with -f, keep printing what it adds.",
              "With --json: {\"file\",\"lines\":[...]} (not with -f).")
          .optionWithDefault(
              int.class, 50, "N", "How many lines (default ${DEFAULT-VALUE}).", "-n", "--lines")
          .flag("Keep printing new lines until interrupted.", "-f", "--follow");
    }

    private static final long POLL_MILLIS = 250;

    @Override
    protected int execute(Output out) throws IOException {
      int lines = args.integer("--lines");
      boolean follow = args.flag("--follow");
      if (lines < 0) {
        throw CliException.usage("--lines must be 0 or more", null);
      }
      Path log = context.paths().logFile();
      if (out.json()) {
        if (follow) {
          throw CliException.usage("--follow cannot print one JSON document", "drop --json or -f");
        }
        out.printJson(
            new JsonObject().with("file", log.toString()).with("lines", LogTail.last(log, lines)));
        return ExitCode.OK;
      }
      if (!Files.exists(log) && !follow) {
        throw CliException.notFound(
            "no daemon log at " + log, "the daemon writes it once it has started");
      }
      for (String line : LogTail.last(log, lines)) {
        out.line(line);
      }
      out.stdout().flush();
      if (follow) {
        follow(out, log);
      }
      return ExitCode.OK;
    }

    /** Polls the file; a file that shrank was rotated, and is read again from its start. */
    private static void follow(Output out, Path log) throws IOException {
      long position = Files.exists(log) ? Files.size(log) : 0;
      while (!Thread.currentThread().isInterrupted()) {
        long size = Files.exists(log) ? Files.size(log) : 0;
        if (size < position) {
          position = 0;
        }
        if (size > position) {
          try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            in.seek(position);
            byte[] bytes = new byte[(int) Math.min(size - position, 1 << 20)];
            in.readFully(bytes);
            position += bytes.length;
            out.stdout().print(new String(bytes, StandardCharsets.UTF_8));
            out.stdout().flush();
          }
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
