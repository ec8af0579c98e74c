package dev.tracker.core.api;

/**
 * {@code POST /v1/projects/{p}/import}: merge the issues of a sync-format JSONL {@code file} (an
 * absolute path the daemon reads) into the project; with {@code dryRun}, only report the changes.
 */
public record ImportRequest(String file, Boolean dryRun) {
  public boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }
}
