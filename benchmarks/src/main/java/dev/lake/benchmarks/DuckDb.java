package dev.lake.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a DuckDB {@code COPY … TO} and returns the rows it wrote (DuckDB reports them as the update count).
 *
 * <pre>{@code
 * long rows = DuckDb.copy(statement, "COPY (SELECT 1 AS x) TO '/tmp/x.parquet' (FORMAT parquet)");
 * }</pre>
 */
final class DuckDb {
  private DuckDb() {}

  static long copy(Statement st, String sql) throws SQLException {
    if (st.execute(sql)) {
      try (ResultSet rs = st.getResultSet()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
    return st.getLargeUpdateCount();
  }
}
