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

final class ConfigCommand extends GroupCommand {
  ConfigCommand() {
    super(
        "config",
        "Read and change settings in config.toml (in the config directory).",
        new Get(),
        new SetValue(),
        new Unset(),
        new ListValues());
  }

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

  static final class Get extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named(
              "get",
              "Print a setting's value (its default when unset; nothing when it has none).",
              "With --json: {\"key\",\"value\",\"default\":true|false}.")
          .parameter("KEY", "The setting, e.g. personal.key.");
    }

    @Override
    protected int execute(Output out) {
      ConfigKey key = known(args.string("KEY"));
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

  static final class SetValue extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named("set", "Change a setting.", "With --json: {\"key\",\"value\",\"file\"}.")
          .parameter("KEY", "The setting.")
          .parameter("VALUE", "Its new value.");
    }

    @Override
    protected int execute(Output out) {
      ConfigKey key = known(args.string("KEY"));
      Object normalized;
      try {
        normalized = key.normalize(args.string("VALUE"));
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

  static final class Unset extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model
          .named("unset", "Return a setting to its default.", "With --json: {\"key\",\"removed\"}.")
          .parameter("KEY", "The setting.");
    }

    @Override
    protected int execute(Output out) {
      ConfigKey key = known(args.string("KEY"));
      boolean removed = context.config().unset(key);
      if (out.json()) {
        out.printJson(new JsonObject().with("key", key.key()).with("removed", removed));
      } else {
        out.info(removed ? key.key() + " is back to its default" : key.key() + " was not set");
      }
      return ExitCode.OK;
    }
  }

  static final class ListValues extends BaseCommand {
    @Override
    void declare(CommandModel model) {
      model.named(
          "list",
          "Every setting with its value, and where the file is.",
          "With --json: {\"file\",\"settings\":[{\"key\",\"value\",\"default\","
              + "\"description\"}]}.");
    }

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
