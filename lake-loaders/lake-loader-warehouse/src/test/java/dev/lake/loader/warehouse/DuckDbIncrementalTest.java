package dev.lake.loader.warehouse;

import javax.sql.DataSource;

/** Incremental, recorded loads on DuckDB in process (the in-memory database {@link DuckDbLoadTest} shares). */
class DuckDbIncrementalTest extends IncrementalContract {
  @Override
  Dialect dialect() {
    return Dialect.DUCKDB;
  }

  @Override
  DataSource dataSource() {
    return DuckDbLoadTest.shared();
  }
}
