package dev.tracker.core.api;

import java.time.LocalDate;

/** Issues opened and closed on one UTC day. */
public record DayCount(LocalDate day, long opened, long closed) {}
