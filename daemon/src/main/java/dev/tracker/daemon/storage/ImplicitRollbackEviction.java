package dev.tracker.daemon.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Has the pool discard a connection on which SQLite may have rolled the transaction back by itself:
 * a full disk, an I/O error, no memory, a damaged file. The driver does not notice such a rollback;
 * it believes its transaction still open, so the connection's next user ran its statements outside
 * any transaction, each committed alone, and then failed to commit ("cannot commit - no transaction
 * is active"): the first write after a full disk was answered 500 although it had been applied.
 */
final class ImplicitRollbackEviction implements SQLExceptionOverride {
  @java.lang.Override
  public Override adjudicate(SQLException failure) {
    if (failure instanceof SQLiteException sqlite) {
      int primary = sqlite.getResultCode().code & 0xff;
      if (primary == SQLiteErrorCode.SQLITE_FULL.code
          || primary == SQLiteErrorCode.SQLITE_IOERR.code
          || primary == SQLiteErrorCode.SQLITE_NOMEM.code
          || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
        return Override.MUST_EVICT;
      }
    }
    return Override.CONTINUE_EVICT;
  }
}
