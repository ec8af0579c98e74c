package dev.tracker.cli.commands;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.service.LoginService;
import dev.tracker.cli.service.ServiceManager;
import dev.tracker.cli.service.ServicePlan;
import dev.tracker.core.error.ExitCode;
import java.nio.file.Path;
import java.util.List;

/** {@code tracker daemon uninstall}: undo {@code tracker daemon install}; safe to repeat. */
final class DaemonUninstallCommand extends BaseCommand {
  @Override
  void declare(CommandModel model) {
    model
        .named(
            "uninstall",
            "Stop starting the daemon at login: undo 'tracker daemon install'.",
            "Linux: 'systemctl --user disable --now' of tracker.socket and tracker.service, then"
                + " removes them and runs 'systemctl --user daemon-reload'. macOS: 'launchctl"
                + " bootout' of the agent, then removes its plist. The files are removed even when"
                + " the service manager fails (exit 1 then, naming the failure). Nothing installed:"
                + " says so, exit 0. Your data is not touched.",
            "With --json: {\"platform\",\"dryRun\",\"removed\",\"commands\",\"problems\"}.")
        .flag("Print what would be removed and run, and do nothing.", "--dry-run")
        .option("PLATFORM", "linux or macos (default: this system's).", "--platform");
  }

  @Override
  protected int execute(Output out) {
    LoginService service = DaemonInstallCommand.loginService(context, args.string("--platform"));
    boolean dryRun = args.flag("--dry-run");
    ServicePlan plan = service.uninstallPlan();
    JsonObject report =
        new JsonObject().with("platform", service.platform().id()).with("dryRun", dryRun);
    if (plan.changesNothing()) {
      report.with("removed", List.of()).with("commands", List.of()).with("problems", List.of());
      print(out, report, "Nothing to remove: the login service is not installed.");
      return ExitCode.OK;
    }
    if (dryRun) {
      report
          .with("removed", DaemonInstallCommand.strings(plan.remove()))
          .with("commands", plan.commands())
          .with("problems", List.of());
      if (out.json()) {
        out.printJson(report);
      } else {
        out.line("Dry run: nothing is removed or run.");
        plan.commands().forEach(command -> out.line("Would run: " + String.join(" ", command)));
        plan.remove().forEach(path -> out.line("Would remove " + path));
      }
      return ExitCode.OK;
    }
    Path tool = service.tool();
    if (tool == null) {
      out.warn(
          service.platform().tool()
              + " was not found on PATH, so no service manager has these files loaded:"
              + " removing the files only");
    }
    LoginService.Outcome outcome =
        service.uninstall(plan, tool == null ? null : new ServiceManager(tool, context.env()));
    report
        .with("removed", DaemonInstallCommand.strings(outcome.removed()))
        .with("commands", outcome.ran())
        .with("problems", outcome.problems());
    if (out.json()) {
      out.printJson(report);
    } else {
      outcome.ran().forEach(command -> out.line("Ran: " + String.join(" ", command)));
      outcome.removed().forEach(path -> out.line("Removed " + path));
      outcome.problems().forEach(out::warn);
      out.line(
          outcome.problems().isEmpty()
              ? "The daemon no longer starts at login."
              : "The files are removed, but the service manager reported the problems above.");
    }
    return outcome.problems().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
  }

  private static void print(Output out, JsonObject report, String text) {
    if (out.json()) {
      out.printJson(report);
    } else {
      out.line(text);
    }
  }
}
