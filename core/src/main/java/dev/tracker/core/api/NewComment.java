package dev.tracker.core.api;

public record NewComment(String author, String body) {}
