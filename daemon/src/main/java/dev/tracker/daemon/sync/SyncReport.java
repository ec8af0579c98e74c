package dev.tracker.daemon.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What one sync cycle did for a project. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncReport(
    String project,
    boolean exported,
    int imported,
    boolean committed,
    String pausedAt,
    String error) {}
