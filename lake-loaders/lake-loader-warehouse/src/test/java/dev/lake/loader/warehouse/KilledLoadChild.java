package dev.lake.loader.warehouse;

import dev.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A warehouse load in its own JVM for {@link KilledLoadTest}: loads dataset "sales" of a lake (or an Iceberg table,
 * for {@link IcebergKilledLoadTest}) into a table and, at the named point of the load, creates a marker file and
 * waits to be killed (SIGKILL from the test).
 *
 * <p>{@code java KilledLoadChild <lake dir | iceberg:<warehouse>:<table>> <DUCKDB|POSTGRES> <jdbc url> <table> <point>
 * <marker file>}
 */
final class KilledLoadChild {
  private KilledLoadChild() {}

  public static void main(String[] args) throws Exception {
    Dialect dialect = Dialect.valueOf(args[1]);
    String point = args[4];
    Path marker = Path.of(args[5]);
    WarehouseLoad load = args[0].startsWith("iceberg:") // iceberg:<warehouse dir>:<table>
        ? WarehouseLoad.of(dev.lake.sink.iceberg.IcebergRead.of(dev.lake.sink.iceberg.IcebergCatalog.local(
            args[0].substring(8, args[0].lastIndexOf(':'))), args[0].substring(args[0].lastIndexOf(':') + 1))
            .asTableSnapshot())
        : WarehouseLoad.of(Lake.at(Path.of(args[0]).toUri()), "sales");
    load.into(dialect, JdbcDataSource.of(args[2])).table(args[3]).at(p -> {
      if (p.equals(point)) {
        try {
          Files.writeString(marker, p);
          Thread.sleep(Long.MAX_VALUE); // inside the open transaction, until the test kills this JVM
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted at " + p, e);
        }
      }
    }).run();
    System.out.println("loaded without reaching " + point);
  }
}
