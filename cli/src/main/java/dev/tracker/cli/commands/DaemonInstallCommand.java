package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.DaemonControl;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.service.LoginService;
import dev.tracker.cli.service.ServiceFile;
import dev.tracker.cli.service.ServiceManager;
import dev.tracker.cli.service.ServicePlan;
import dev.tracker.cli.service.ServicePlatform;
import dev.tracker.core.error.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code tracker daemon install}: start the daemon at login, through systemd or launchd. */
final class DaemonInstallCommand extends BaseCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "install",
            "Start the daemon at login: a systemd user service (Linux) or a launchd agent (macOS).",
            "Linux: writes tracker.service (and with --socket-activation tracker.socket) to"
                + " $XDG_CONFIG_HOME/systemd/user, then 'systemctl --user daemon-reload' and"
                + " 'systemctl --user enable --now'. macOS: writes"
                + " ~/Library/LaunchAgents/dev.tracker.daemon.plist and loads it with 'launchctl"
                + " bootstrap gui/UID'. The service runs this installation's tracker-daemon with"
                + " the directories this command resolves. A daemon already running is stopped"
                + " first, so that the service starts its own. If the service manager fails,"
                + " what was written is removed again. See docs/operations.md.",
            "With --json: {\"platform\",\"dryRun\",\"socketActivation\",\"stoppedDaemon\","
                + "\"files\":[{\"path\",\"mode\",\"content\"}],\"removed\",\"commands\"}.")
        .flag(
            "Linux: systemd listens on the socket from login on and starts the daemon at the"
                + " first connection.",
            "--socket-activation")
        .flag("Print the files and the commands instead of writing and running them.", "--dry-run")
        .option(
            "PLATFORM",
            "linux or macos (default: this system's), e.g. to look at the other's"
                + " files with --dry-run.",
            "--platform");
  }

  @Override
  protected int execute(Output out) {
    LoginService service = loginService(context, args.string("--platform"));
    boolean socketActivation = args.flag("--socket-activation");
    boolean dryRun = args.flag("--dry-run");
    ServicePlan plan = service.installPlan(socketActivation);
    DaemonControl control = context.api(out).control();
    JsonObject running = control.probe();
    JsonObject report =
        new JsonObject()
            .with("platform", service.platform().id())
            .with("dryRun", dryRun)
            .with("socketActivation", socketActivation)
            .with("stoppedDaemon", running == null ? null : running.get("pid"));
    List<Object> files = new ArrayList<>();
    for (ServiceFile file : plan.write()) {
      files.add(
          new JsonObject()
              .with("path", file.path().toString())
              .with("mode", "0644")
              .with("content", file.content()));
    }
    report.with("files", files);
    if (dryRun) {
      report.with("removed", strings(plan.remove())).with("commands", plan.commands());
      if (out.json()) {
        out.printJson(report);
      } else {
        printDryRun(out, plan, running);
      }
      return ExitCode.OK;
    }
    Path tool = service.tool();
    if (tool == null) {
      throw CliException.unavailable(
          service.platform().tool() + " was not found on PATH; nothing was installed",
          hint(service.platform()));
    }
    if (running != null) {
      control.stop(running);
      out.info(
          "Stopped the running daemon (pid "
              + running.get("pid")
              + "), so that the service starts its own.");
    }
    LoginService.Outcome outcome =
        service.install(plan, new ServiceManager(tool, context.env()), hint(service.platform()));
    report.with("removed", strings(outcome.removed())).with("commands", outcome.ran());
    if (out.json()) {
      out.printJson(report);
      return ExitCode.OK;
    }
    outcome.written().forEach(path -> out.line("Wrote " + path));
    outcome.removed().forEach(path -> out.line("Removed " + path));
    outcome.ran().forEach(command -> out.line("Ran: " + String.join(" ", command)));
    out.line(done(service, socketActivation));
    return ExitCode.OK;
  }

  static LoginService loginService(dev.tracker.cli.CliContext context, String platform) {
    return new LoginService(
        ServicePlatform.choose(platform, System.getProperty("os.name")),
        context.env(),
        context.paths());
  }

  static List<String> strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }

  static String hint(ServicePlatform platform) {
    return platform == ServicePlatform.LINUX
        ? "the systemd user manager must run for you ('systemctl --user status'; containers and"
            + " WSL often have none); 'tracker daemon install --dry-run' prints the units to"
            + " install by hand, and without systemd 'tracker daemon start' from your login"
            + " scripts does the same"
        : "see 'launchctl print gui/$(id -u)'; 'tracker daemon install --dry-run' prints the"
            + " agent to install by hand";
  }

  private static void printDryRun(Output out, ServicePlan plan, JsonObject running) {
    out.line("Dry run: nothing is written, run or stopped.");
    if (running != null) {
      out.line(
          "Would stop the running daemon (pid "
              + running.get("pid")
              + "), so that the service starts its own.");
    }
    for (ServiceFile file : plan.write()) {
      out.line("==> " + file.path() + " (mode 0644) <==");
      out.stdout().print(file.content());
      out.line("");
    }
    plan.remove().forEach(path -> out.line("Would remove " + path));
    plan.commands().forEach(command -> out.line("Would run: " + String.join(" ", command)));
  }

  private static String done(LoginService service, boolean socketActivation) {
    if (service.platform() == ServicePlatform.MACOS) {
      return "The daemon now starts at login (launchd agent dev.tracker.daemon; 'launchctl print"
          + " gui/$(id -u)/dev.tracker.daemon' shows it; its log: 'tracker daemon logs').";
    }
    return socketActivation
        ? "systemd now listens on the daemon's socket from login on and starts the daemon at the"
            + " first command ('systemctl --user status tracker.socket tracker.service'; its log:"
            + " 'journalctl --user -u tracker' and 'tracker daemon logs')."
        : "The daemon now starts at login ('systemctl --user status tracker.service'; its log:"
            + " 'journalctl --user -u tracker' and 'tracker daemon logs').";
  }
}
