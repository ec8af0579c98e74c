package dev.tracker.core.api;

/** A label and the number of live issues that carry it. */
public record LabelCount(String label, long count) {}
