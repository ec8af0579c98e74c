package dev.tracker.core.api;

/**
 * {@code POST /v1/backup}: write a consistent copy of the whole database to {@code file}, an
 * absolute path that does not exist yet.
 */
public record BackupRequest(String file) {}
