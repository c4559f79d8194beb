package dev.lake.sink.kinesis;

import static dev.lake.sink.kinesis.ExpectedStats.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.ValidationException;
import dev.lake.io.FileFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferedDeliveryTest {
  record Sale(String invoiceNo, int quantity, Instant at) {}

  @TempDir
  Path dir;

  private static String json(int i) {
    return "{\"invoiceNo\":\"" + (536365 + i) + "\",\"quantity\":" + i + ",\"at\":\"2010-12-01T08:26:00Z\"}";
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void putJson_bufferSizeReached_flushesOneCommitPerBuffer() {
    Lake lake = Lake.at(dir.toUri());
    try (BufferedDelivery.Stream<Sale> sales = BufferedDelivery.of(Sale.class).into(lake.raw("shop", "sales"))
        .withBufferBytes(2048).start()) {
      IntStream.range(0, 100).forEach(i -> sales.putJson(json(i)));
      assertThat(sales.stats().flushes()).isBetween(3L, 5L);
    }

    assertThat(lake.history("raw/shop/sales").size()).isBetween(4, 6);
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).extracting(Sale::quantity)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).boxed().toList());
  }

  @Test
  void put_bufferIntervalPassed_flushesWithoutClose() throws InterruptedException {
    Lake lake = Lake.at(dir.toUri());
    try (BufferedDelivery.Stream<Sale> sales = BufferedDelivery.of(Sale.class).into(lake.processed("sales"))
        .withBufferInterval(Duration.ofMillis(200)).start()) {
      sales.put(new Sale("536365", 6, Instant.parse("2010-12-01T08:26:00Z")));
      await(() -> sales.stats().flushes() == 1);

      assertThat(sales.stats()).isEqualTo(stats(1, 1, 0, 0, 1, 0));
      assertThat(lake.latest("sales").orElseThrow().format()).isEqualTo(FileFormat.PARQUET);
      assertThat(lake.read("sales", Sale.class).readAll()).hasSize(1);
    }
  }

  @Test
  void put_idle_flushesBeforeTheInterval() throws InterruptedException {
    Lake lake = Lake.at(dir.toUri());
    try (BufferedDelivery.Stream<Sale> sales = BufferedDelivery.of(Sale.class).into(lake.raw("shop", "sales"))
        .withIdleFlush(Duration.ofMillis(100)).start()) {
      sales.putJson(json(1));
      sales.putJson(json(2));
      await(() -> sales.stats().flushes() == 1);

      assertThat(sales.stats().rowsDelivered()).isEqualTo(2);
    }
  }

  @Test
  void put_afterClose_validationExceptionNamingTheFix() {
    Lake lake = Lake.at(dir.toUri());
    BufferedDelivery.Stream<Sale> sales = BufferedDelivery.of(Sale.class).into(lake.raw("shop", "sales")).start();
    sales.close();

    assertThatThrownBy(() -> sales.putJson(json(1))).isInstanceOf(ValidationException.class)
        .hasMessage("Delivery raw.shop.sales.delivery is closed: put rows before close(), or start a new delivery "
            + "with BufferedDelivery.of(type).into(dataset).start()");
    assertThat(sales.stats().rowsIn()).isZero();
  }

  @Test
  void putJson_thatDoesNotConvert_goesToTheRejectedZoneWithItsReason() {
    Lake lake = Lake.at(dir.toUri());
    BufferedDelivery.Stats stats;
    BufferedDelivery.Stream<Sale> sales = BufferedDelivery.of(Sale.class).into(lake.raw("shop", "sales")).start();
    try (sales) {
      sales.putJson(json(1));
      sales.putJson("{\"invoiceNo\":\"x\",\"quantity\":\"many\"}");
      sales.putJson("not json");
    }
    stats = sales.stats();

    assertThat(stats).isEqualTo(stats(3, 1, 2, 0, 1, 0));
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).hasSize(1);
    assertThat(lake.read("rejected/sales").readAll()).extracting(r -> r.get("reason").toString())
        .containsExactlyInAnyOrder("Expected an int but was 'many' at quantity",
            "Malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token "
                + "'null', 'true' or 'false') at character 0");
  }

  @Test
  void start_withoutDataset_failsNamingTheCall() {
    assertThatThrownBy(() -> BufferedDelivery.of(GenericRecord.class).start())
        .isInstanceOf(ValidationException.class)
        .hasMessage("BufferedDelivery of GenericRecord has no dataset: call into(lake.raw(...)) or "
            + "into(lake.processed(...))");
  }
}
