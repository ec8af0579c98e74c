package dev.tracker.daemon.storage;

import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/** Column mappings that keep the database independent of Java enum names and time zones. */
final class Converters {
  private Converters() {}

  @Converter(autoApply = true)
  static final class InstantConverter implements AttributeConverter<Instant, String> {
    @Override
    public String convertToDatabaseColumn(Instant value) {
      return InstantText.format(value);
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
      return InstantText.parse(text);
    }
  }

  @Converter(autoApply = true)
  static final class StatusConverter implements AttributeConverter<Status, String> {
    @Override
    public String convertToDatabaseColumn(Status value) {
      return value == null ? null : value.wire();
    }

    @Override
    public Status convertToEntityAttribute(String text) {
      return text == null ? null : Status.parse(text);
    }
  }

  @Converter(autoApply = true)
  static final class IssueTypeConverter implements AttributeConverter<IssueType, String> {
    @Override
    public String convertToDatabaseColumn(IssueType value) {
      return value == null ? null : value.wire();
    }

    @Override
    public IssueType convertToEntityAttribute(String text) {
      return text == null ? null : IssueType.parse(text);
    }
  }

  @Converter(autoApply = true)
  static final class PriorityConverter implements AttributeConverter<Priority, Integer> {
    @Override
    public Integer convertToDatabaseColumn(Priority value) {
      return value == null ? null : value.level();
    }

    @Override
    public Priority convertToEntityAttribute(Integer level) {
      return level == null ? null : Priority.of(level);
    }
  }
}
