package dev.tracker.cli.config;

import dev.tracker.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's {@code config.toml}. A missing file is an empty one; a file that cannot be read is an
 * error naming the file and line, because guessing would silently change what a command does.
 */
public final class ConfigFile {
  private final Path file;
  private Toml toml;

  public ConfigFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** The value set in the file, or null. */
  public String get(ConfigKey key) {
    Object value = load().values().get(key.key());
    return value == null ? null : value.toString();
  }

  /** The value set in the file, else the default (which may be null). */
  public String effective(ConfigKey key) {
    String value = get(key);
    return value != null ? value : key.defaultValue();
  }

  /** Every value in the file, known keys or not, by dotted key. */
  public Map<String, Object> values() {
    return new LinkedHashMap<>(load().values());
  }

  public void set(ConfigKey key, Object value) {
    Toml document = load();
    document.set(key.key(), value);
    save(document);
  }

  public boolean unset(ConfigKey key) {
    Toml document = load();
    boolean removed = document.remove(key.key());
    if (removed) {
      save(document);
    }
    return removed;
  }

  private Toml load() {
    if (toml == null) {
      try {
        toml = Toml.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        toml = Toml.empty();
      } catch (IOException e) {
        throw CliException.error("cannot read " + file + ": " + e.getMessage(), null);
      } catch (TomlException e) {
        throw CliException.error(
            file + ": " + e.getMessage(), "fix the file by hand or remove it to start afresh");
      }
    }
    return toml;
  }

  /** Written beside the target and renamed over it, so a crash never leaves half a file. */
  private void save(Toml document) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".config", ".tmp");
      try {
        Files.writeString(temp, document.text(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw CliException.error("cannot write " + file + ": " + e.getMessage(), null);
    }
    toml = document;
  }
}
