package dev.tracker.bench.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options; a repeated name keeps every value in order. */
final class Options {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  Options(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
      }
      values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
    }
  }

  String text(String name, String fallback) {
    List<String> all = values.get(name);
    return all == null ? fallback : all.get(all.size() - 1);
  }

  String required(String name) {
    String value = text(name, null);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)));
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** Space-separated JVM flags ("" for none). */
  static List<String> flags(String text) {
    List<String> flags = new ArrayList<>();
    for (String flag : text.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        flags.add(flag);
      }
    }
    return flags;
  }
}
