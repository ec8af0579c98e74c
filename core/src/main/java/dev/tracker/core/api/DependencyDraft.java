package dev.tracker.core.api;

import dev.tracker.core.model.DependencyKind;

/** An edge from an issue being created to an existing issue {@code dependsOn}. */
public record DependencyDraft(DependencyKind kind, String dependsOn) {}
