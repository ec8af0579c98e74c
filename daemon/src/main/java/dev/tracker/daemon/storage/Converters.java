package dev.tracker.daemon.storage;

import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.core.model.WireEnum;
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

  /** Stores an enum as its wire name, the same text the API and the sync file use. */
  abstract static class WireEnumConverter<E extends Enum<E> & WireEnum>
      implements AttributeConverter<E, String> {
    private final Class<E> type;

    WireEnumConverter(Class<E> type) {
      this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
      return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String text) {
      return text == null ? null : WireEnum.parse(type, type.getSimpleName(), text);
    }
  }

  @Converter(autoApply = true)
  static final class StatusConverter extends WireEnumConverter<Status> {
    StatusConverter() {
      super(Status.class);
    }
  }

  @Converter(autoApply = true)
  static final class IssueTypeConverter extends WireEnumConverter<IssueType> {
    IssueTypeConverter() {
      super(IssueType.class);
    }
  }

  @Converter(autoApply = true)
  static final class EventKindConverter extends WireEnumConverter<EventKind> {
    EventKindConverter() {
      super(EventKind.class);
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
