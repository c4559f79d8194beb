package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.PipelineResult;
import dev.lake.source.files.CsvSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** A user's first pipeline: CSV in, partitioned Parquet out, a bad row set aside, the rows read back. */
class ConsumerTest {
  public record Order(long orderId, String customer, double amount, LocalDateTime orderedAt) {}

  public record MonthlyOrder(long orderId, String customer, double amount, int month) {
    static MonthlyOrder of(Order o) {
      return new MonthlyOrder(o.orderId(), o.customer(), o.amount(), o.orderedAt().getMonthValue());
    }
  }

  @Test
  void pipeline_csvToParquet_writesGoodRowsAndRejectsBadOne() throws Exception {
    Path csv = Path.of(getClass().getResource("/orders.csv").toURI());
    Path root = Files.createTempDirectory("lake-consumer");
    Lake lake = Lake.at(root.toString());

    PipelineResult result = Pipeline.from(CsvSource.of(Order.class).from(csv.toString()))
        .named("orders")
        .map("by-month", MonthlyOrder::of)
        .to(lake.processed("orders").partitionBy("month"))
        .onBadRows(BadRowPolicy.toRejectedZone())
        .run();

    assertEquals(4, result.rowsIn());
    assertEquals(3, result.rowsWritten());
    assertEquals(1, result.rowsRejected());
    assertTrue(result.reconciles());
    List<GenericRecord> rows = lake.read("orders").readAll();
    assertEquals(3, rows.size());
    assertTrue(Files.isDirectory(root.resolve("processed/orders/month=1")));
  }
}
