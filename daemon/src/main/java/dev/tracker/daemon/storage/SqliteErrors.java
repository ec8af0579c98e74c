package dev.tracker.daemon.storage;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import jakarta.persistence.OptimisticLockException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns storage failures into the errors users see, by SQLite's primary result code. */
final class SqliteErrors {
  private SqliteErrors() {}

  /** {@code database}: the file, named in the errors that concern where it lives. */
  static RuntimeException translate(RuntimeException failure, Path database) {
    if (failure instanceof TrackerException) {
      return failure;
    }
    if (failure instanceof OptimisticLockException || failure instanceof StaleStateException) {
      return new TrackerException(
          ErrorCode.VERSION_CONFLICT,
          "the issue was changed by someone else; reload and retry",
          failure);
    }
    SQLiteException sqlite = findSqliteException(failure);
    if (sqlite == null) {
      return failure;
    }
    int primary = sqlite.getResultCode().code & 0xff;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new TrackerException(
          ErrorCode.BUSY, "the database is busy; retry in a moment", failure);
    }
    if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
      // Nothing of the failed write remains: SQLite rolled its transaction back.
      return new TrackerException(
          ErrorCode.INSUFFICIENT_STORAGE,
          "the disk holding the data directory "
              + database.toAbsolutePath().getParent()
              + " is full, so the change was not saved; free space there and retry"
              + " (reading still works)",
          failure);
    }
    if (primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
      return new TrackerException(
          ErrorCode.ALREADY_EXISTS, "the change conflicts with existing data", failure);
    }
    return failure;
  }

  private static SQLiteException findSqliteException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return sqlite;
      }
      if (t instanceof SQLException sql && sql.getNextException() instanceof SQLiteException next) {
        return next;
      }
    }
    return null;
  }
}
