package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.core.error.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

final class CompletionCommand extends BaseCommand {
  private CommandSpec spec;

  @Override
  void declare(CommandModel model) {
    spec =
        model
            .named(
                "completion",
                "Print a shell completion script.",
                "  bash: source <(tracker completion bash)",
                "  zsh:  source <(tracker completion zsh)   (uses zsh's bashcompinit)",
                "With --json: {\"shell\",\"script\"}.")
            .parameter("SHELL", "bash or zsh.")
            .spec();
  }

  @Override
  protected int execute(Output out) {
    String shell = args.string("SHELL");
    String bash = AutoComplete.bash("tracker", spec.root().commandLine());
    String script;
    if (shell.equals("bash")) {
      script = bash;
    } else if (shell.equals("zsh")) {
      script =
          "#compdef tracker\n"
              + "# zsh runs the bash completion through bashcompinit.\n"
              + "autoload -U +X compinit && compinit\n"
              + "autoload -U +X bashcompinit && bashcompinit\n"
              + bash;
    } else {
      throw CliException.usage("unknown shell '" + shell + "'", "use bash or zsh");
    }
    if (out.json()) {
      out.printJson(new JsonObject().with("shell", shell).with("script", script));
    } else {
      out.stdout().print(script);
    }
    return ExitCode.OK;
  }
}
