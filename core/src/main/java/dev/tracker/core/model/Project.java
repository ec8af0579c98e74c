package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A project: its key (the prefix of its issue ids), a display name, and the repository root it
 * lives in ({@code null} for the personal default project). {@code changeCount} grows with every
 * write, which lets the sync loop skip projects that did not change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(String key, String name, String root, long changeCount, Instant createdAt) {}
