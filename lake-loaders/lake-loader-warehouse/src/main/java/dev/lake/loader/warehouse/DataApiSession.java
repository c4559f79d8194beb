package dev.lake.loader.warehouse;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;

/**
 * One Redshift Data API session holding one transaction: {@code BEGIN} starts it, each statement runs in it and is
 * waited for, {@link #commit()} ends it; {@link #close()} without a commit rolls it back (and Redshift rolls back a
 * session's open transaction anyway when the session ends, should this process die first). Lets a load read its
 * state and write its data in the same transaction, as over JDBC.
 */
final class DataApiSession implements LoadState.Tx, AutoCloseable {
  private final RedshiftDataApi api;
  private final String id;
  private boolean ended;

  private DataApiSession(RedshiftDataApi api, String id) {
    this.api = api;
    this.id = id;
  }

  static DataApiSession begin(RedshiftDataApi api) {
    ExecuteStatementResponse begin = api.submit("BEGIN", List.of(), null, true);
    String session = api.waitFor(begin.id(), "BEGIN").sessionId();
    return new DataApiSession(api, session != null ? session : begin.sessionId());
  }

  @Override
  public List<List<String>> query(String sql) {
    return api.query(sql, Map.of(), id);
  }

  @Override
  public void execute(String sql) {
    api.waitFor(api.submit(sql, List.of(), id, true).id(), sql);
  }

  List<Evolution.Existing> describe(String schema, String table) {
    return api.describe(schema, table, id);
  }

  void commit() {
    ended = true;
    api.waitFor(api.submit("COMMIT", List.of(), id, false).id(), "COMMIT");
  }

  @Override
  public void close() {
    if (ended) {
      return;
    }
    ended = true;
    try {
      api.waitFor(api.submit("ROLLBACK", List.of(), id, false).id(), "ROLLBACK");
    } catch (RuntimeException e) {
      // the session's transaction is rolled back when the session ends anyway
    }
  }
}
