package dev.lake.sink.kinesis;

import static dev.lake.sink.kinesis.ExpectedStats.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Lake;
import dev.lake.exceptions.LakeException;
import dev.lake.io.FaultyStore;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A delivery whose store fails never drops a batch: each flush is retried with doubling backoff (the waits are
 * counted, not slept), then the batch goes to the rejected zone or stays buffered and puts fail, by policy. The
 * store is the real local one behind {@link FaultyStore}, failing every commit under the faulty prefix.
 */
class BufferedDeliveryFailureTest {
  record Sale(String invoiceNo, int quantity, Instant at) {}

  @TempDir
  Path dir;
  URI root;
  ObjectStore real;
  FaultyStore faulty;
  final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void faultyStore() {
    root = dir.toUri();
    real = ObjectStores.forUri(root);
    faulty = new FaultyStore(real);
    ObjectStores.register(root, faulty);
  }

  @AfterEach
  void realStore() {
    ObjectStores.register(root, real);
  }

  private static Sale sale(int i) {
    return new Sale(String.valueOf(536365 + i), i, Instant.parse("2010-12-01T08:26:00Z"));
  }

  private BufferedDelivery<Sale> delivery(Lake lake) {
    return BufferedDelivery.of(Sale.class).into(lake.raw("shop", "sales")).withBufferInterval(Duration.ofHours(1))
        .withRetryBackoff(Duration.ofMillis(100)).sleeper(waits::add);
  }

  @Test
  void flush_storeFailsThreeTimes_retriesWithBackoffAndLosesNothing() {
    Lake lake = Lake.at(root);
    faulty.readOnly(root.resolve("_lake/"));
    BufferedDelivery.Stream<Sale> sales = delivery(lake).withFlushAttempts(4).sleeper(d -> {
      waits.add(d);
      if (waits.size() == 3) {
        faulty.heal(); // the store comes back after the third failure
      }
    }).start();
    IntStream.range(0, 10).forEach(i -> sales.put(sale(i)));

    sales.flush();
    sales.close();

    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(sales.stats()).isEqualTo(stats(10, 10, 0, 0, 1, 3));
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).extracting(Sale::quantity)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
    assertThat(lake.history("raw/shop/sales")).hasSize(1);
  }

  @ParameterizedTest(name = "lost: the response to the {0}")
  @ValueSource(strings = {"pending marker", "manifest version"})
  void flush_commitTookEffectButItsResponseWasLost_theBatchLandsOnce(String lost) {
    Lake lake = Lake.at(root);
    URI manifests = root.resolve("_lake/manifests/raw/shop/sales/");
    if (lost.equals("pending marker")) {
      faulty.loseWriteResponsesUnder(manifests.resolve("_pending/"), 1); // the commit's decision, then an error
    } else {
      faulty.loseCreateResponsesUnder(manifests, 1); // the version itself, then an error
    }
    BufferedDelivery.Stream<Sale> sales = delivery(lake).start();
    IntStream.range(0, 10).forEach(i -> sales.put(sale(i)));

    sales.flush();
    sales.close();
    lake.compact("raw/shop/sales"); // rolls forward any commit a crash left decided but unpublished

    assertThat(waits).containsExactly(Duration.ofMillis(100));
    assertThat(sales.stats()).isEqualTo(stats(10, 10, 0, 0, 1, 1));
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).extracting(Sale::quantity)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
    assertThat(lake.latest("rejected/sales")).isEmpty();
  }

  @Test
  void flush_everyAttemptFails_batchGoesToTheRejectedZoneWithTheError() {
    Lake lake = Lake.at(root);
    faulty.readOnly(root.resolve("_lake/manifests/raw/")); // the dataset's commits fail, the rejected zone's work
    BufferedDelivery.Stream<Sale> sales = delivery(lake).start();
    IntStream.range(0, 5).forEach(i -> sales.put(sale(i)));

    sales.flush();
    sales.close();

    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(sales.stats()).isEqualTo(stats(5, 0, 5, 0, 1, 3));
    faulty.heal();
    assertThat(lake.latest("raw/shop/sales")).isEmpty();
    assertThat(lake.read("rejected/sales").readAll()).hasSize(5).allSatisfy(r -> {
      assertThat(r.get("reason").toString()).startsWith("Delivery raw.shop.sales.delivery could not commit these "
          + "rows after 3 attempts: ").contains("Read-only file system");
      assertThat(r.get("value").toString()).startsWith("{\"invoiceNo\":\"53636");
    });
  }

  @Test
  void put_afterAFlushFailedEveryAttemptUnderFailPuts_failsSynchronouslyUntilTheStoreIsBack() {
    Lake lake = Lake.at(root);
    faulty.readOnly(root.resolve("_lake/"));
    BufferedDelivery.Stream<Sale> sales = delivery(lake)
        .onFlushFailure(BufferedDelivery.OnFlushFailure.FAIL_PUTS).start();
    IntStream.range(0, 3).forEach(i -> sales.put(sale(i)));

    assertThatThrownBy(sales::flush).isInstanceOf(LakeException.class)
        .hasMessageStartingWith("Delivery raw.shop.sales.delivery could not commit a flush of 3 rows after 3 "
            + "attempts: ")
        .hasMessageContaining("the rows are still buffered");
    assertThatThrownBy(() -> sales.put(sale(3))).isInstanceOf(LakeException.class)
        .hasMessageContaining("still buffered");
    assertThatThrownBy(sales::close).isInstanceOf(LakeException.class);
    assertThat(sales.stats()).isEqualTo(stats(3, 0, 0, 3, 0, 9));

    faulty.heal();
    sales.put(sale(3)); // retries the buffered batch first, then takes the row
    sales.close();

    assertThat(sales.stats()).isEqualTo(stats(4, 4, 0, 0, 2, 9));
    assertThat(lake.read("raw/shop/sales", Sale.class).readAll()).extracting(Sale::quantity)
        .containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(lake.latest("rejected/sales")).isEmpty();
  }
}
