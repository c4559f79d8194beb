package dev.lake.loader.warehouse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** One embedded PostgreSQL 17 per test JVM, started on first use and stopped when the JVM ends. */
final class SharedPostgres {
  private static EmbeddedPostgres postgres;

  private SharedPostgres() {}

  static synchronized EmbeddedPostgres get() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is ending
        }
      }));
    }
    return postgres;
  }

  static DataSource dataSource() {
    return get().getPostgresDatabase();
  }
}
