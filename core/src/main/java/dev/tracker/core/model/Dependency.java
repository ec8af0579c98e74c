package dev.tracker.core.model;

/**
 * "{@code issue} depends on {@code dependsOn}" in the way {@code kind} says; see DependencyKind.
 */
public record Dependency(String issue, String dependsOn, DependencyKind kind) {}
