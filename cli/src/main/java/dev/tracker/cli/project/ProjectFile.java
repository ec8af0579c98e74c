package dev.tracker.cli.project;

import dev.tracker.cli.CliException;
import dev.tracker.cli.config.Toml;
import dev.tracker.cli.config.TomlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code .tracker/project.toml}: the key and name of the project a repository holds. */
public record ProjectFile(String key, String name) {
  public static final String DIR = ".tracker";
  public static final String FILE = "project.toml";

  public static Path location(Path root) {
    return root.resolve(DIR).resolve(FILE);
  }

  public static ProjectFile read(Path file) {
    Map<String, Object> values;
    try {
      values = Toml.parse(Files.readString(file, StandardCharsets.UTF_8)).values();
    } catch (IOException e) {
      throw CliException.error("cannot read " + file + ": " + e.getMessage(), null);
    } catch (TomlException e) {
      throw CliException.error(file + ": " + e.getMessage(), "fix the file by hand");
    }
    Object key = values.get("key");
    if (!(key instanceof String text) || text.isBlank()) {
      throw CliException.error(
          file + " has no key = \"...\" line", "run 'tracker init --key KEY' in " + root(file));
    }
    Object name = values.get("name");
    return new ProjectFile(text.trim(), name instanceof String n ? n : text.trim());
  }

  public void write(Path root) throws IOException {
    Path file = location(root);
    Files.createDirectories(file.getParent());
    Toml toml = Toml.empty();
    toml.set("key", key);
    toml.set("name", name);
    Files.writeString(file, toml.text(), StandardCharsets.UTF_8);
  }

  private static Path root(Path file) {
    return file.getParent().getParent();
  }
}
