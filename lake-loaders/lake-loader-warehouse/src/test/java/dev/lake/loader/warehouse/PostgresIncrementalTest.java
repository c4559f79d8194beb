package dev.lake.loader.warehouse;

import javax.sql.DataSource;

/** Incremental, recorded loads on a real PostgreSQL 17 ({@link SharedPostgres}). */
class PostgresIncrementalTest extends IncrementalContract {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRES;
  }

  @Override
  DataSource dataSource() {
    return SharedPostgres.dataSource();
  }
}
