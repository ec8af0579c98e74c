package dev.tracker.core.api;

/** A project to register; {@code root} is its repository directory, or null for a personal one. */
public record NewProject(String key, String name, String root) {}
