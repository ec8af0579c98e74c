package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.ConfigFile;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Table;
import dev.tracker.core.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "config",
    description = "Read and change settings in config.toml (in the config directory).",
    subcommands = {
      ConfigCommand.Get.class,
      ConfigCommand.SetValue.class,
      ConfigCommand.Unset.class,
      ConfigCommand.ListValues.class
    })
final class ConfigCommand extends GroupCommand {

  static ConfigKey known(String name) {
    ConfigKey key = ConfigKey.find(name);
    if (key != null) {
      return key;
    }
    List<String> all = new ArrayList<>();
    for (ConfigKey each : ConfigKey.values()) {
      all.add(each.key());
    }
    List<String> close = Suggestions.closest(name, all);
    throw CliException.usage(
        "unknown setting '" + name + "'",
        close.isEmpty()
            ? "the settings are " + String.join(", ", all)
            : "did you mean " + String.join(" or ", close) + "?");
  }

  @Command(
      name = "get",
      description = {
        "Print a setting's value (its default when unset; nothing when it has none).",
        "With --json: {\"key\",\"value\",\"default\":true|false}."
      })
  static final class Get extends BaseCommand {
    @Parameters(paramLabel = "KEY", description = "The setting, e.g. personal.key.")
    String name;

    @Override
    protected int execute(Output out) {
      ConfigKey key = known(name);
      ConfigFile config = context.config();
      String set = config.get(key);
      String value = set != null ? set : key.defaultValue();
      if (out.json()) {
        JsonObject json = new JsonObject().with("key", key.key());
        json.put("value", value);
        out.printJson(json.with("default", set == null));
      } else if (value != null) {
        out.line(value);
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "set",
      description = {"Change a setting.", "With --json: {\"key\",\"value\",\"file\"}."})
  static final class SetValue extends BaseCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "The setting.")
    String name;

    @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
    String value;

    @Override
    protected int execute(Output out) {
      ConfigKey key = known(name);
      Object normalized;
      try {
        normalized = key.normalize(value);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(key.key() + ": " + e.getMessage(), key.description());
      }
      ConfigFile config = context.config();
      config.set(key, normalized);
      if (out.json()) {
        out.printJson(
            new JsonObject()
                .with("key", key.key())
                .with("value", normalized.toString())
                .with("file", config.path().toString()));
      } else {
        out.info(key.key() + " = " + normalized + " (in " + config.path() + ")");
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "unset",
      description = {"Return a setting to its default.", "With --json: {\"key\",\"removed\"}."})
  static final class Unset extends BaseCommand {
    @Parameters(paramLabel = "KEY", description = "The setting.")
    String name;

    @Override
    protected int execute(Output out) {
      ConfigKey key = known(name);
      boolean removed = context.config().unset(key);
      if (out.json()) {
        out.printJson(new JsonObject().with("key", key.key()).with("removed", removed));
      } else {
        out.info(removed ? key.key() + " is back to its default" : key.key() + " was not set");
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "list",
      description = {
        "Every setting with its value, and where the file is.",
        "With --json: {\"file\",\"settings\":[{\"key\",\"value\",\"default\",\"description\"}]}."
      })
  static final class ListValues extends BaseCommand {
    @Override
    protected int execute(Output out) {
      ConfigFile config = context.config();
      List<Object> settings = new ArrayList<>();
      Table table = new Table(List.of("KEY", "VALUE", "DESCRIPTION"), 2);
      for (ConfigKey key : ConfigKey.values()) {
        String set = config.get(key);
        String value = set != null ? set : key.defaultValue();
        JsonObject entry = new JsonObject().with("key", key.key());
        entry.put("value", value);
        settings.add(entry.with("default", set == null).with("description", key.description()));
        table.row(
            key.key(),
            value == null ? "-" : value + (set == null ? " (default)" : ""),
            key.description());
      }
      if (out.json()) {
        out.printJson(
            new JsonObject().with("file", config.path().toString()).with("settings", settings));
      } else {
        out.table(table);
        out.info("File: " + config.path());
      }
      return ExitCode.OK;
    }
  }
}
