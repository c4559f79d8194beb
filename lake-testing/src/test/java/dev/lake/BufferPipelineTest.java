package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.LakeException;
import dev.lake.internal.lake.Json;
import dev.lake.testing.InMemorySink;
import dev.lake.testing.InMemorySource;
import dev.lake.transforms.Buffer;
import dev.lake.transforms.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buffer steps in whole runs on a local lake: several workers, the deadline, bad rows, the run report. */
class BufferPipelineTest {
  @TempDir
  Path dir;

  record Sale(String invoice, String description, int quantity) {}

  /** One batch as the lake keeps it: its size, its bytes by the default sizer, its invoices in order. */
  record BatchRow(int rows, long bytes, String invoices) {
    static BatchRow of(List<Sale> batch) {
      long bytes = batch.stream().mapToLong(Buffer.jsonBytes()::sizeOf).sum();
      return new BatchRow(batch.size(), bytes, String.join(",", batch.stream().map(Sale::invoice).toList()));
    }
  }

  private static List<Sale> sales(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new Sale("INV" + i, "item " + "x".repeat(i * 7 % 90), i % 11 - 1)).toList();
  }

  private static List<String> invoices(List<Sale> sales) {
    return sales.stream().map(Sale::invoice).toList();
  }

  private List<GenericRecord> batches(Lake lake) {
    return lake.read("batches").readAll();
  }

  /** Every invoice of every committed batch, counted. */
  private static Map<String, Integer> counts(List<GenericRecord> batches) {
    Map<String, Integer> seen = new HashMap<>();
    for (GenericRecord b : batches) {
      Arrays.stream(b.get("invoices").toString().split(",")).forEach(i -> seen.merge(i, 1, Integer::sum));
    }
    return seen;
  }

  @Test
  void buffer_threeWorkers_everyRowInExactlyOneBatchWithinTheLimits() throws Exception {
    Lake lake = Lake.at(dir.toString());
    List<Sale> input = sales(1_000);

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", input).withSplits(7))
        .named("batches")
        .withParallelism(3)
        .buffer(Buffer.ofRows(40).orBytes(2_500))
        .map("summarise", BatchRow::of)
        .to(lake.processed("batches"))
        .run();

    List<GenericRecord> batches = batches(lake);
    Map<String, Integer> seen = counts(batches);
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(invoices(input));
    assertThat(seen.values()).containsOnly(1);
    for (GenericRecord b : batches) {
      int rows = (Integer) b.get("rows");
      long bytes = (Long) b.get("bytes");
      assertThat(rows).isBetween(1, 40);
      assertThat(bytes <= 2_500 || rows == 1).as("batch of %s rows, %s bytes", rows, bytes).isTrue();
    }
    StepReport buffer = result.steps().get(0);
    assertThat(buffer.name()).isEqualTo("buffer-1");
    assertThat(buffer.in()).isEqualTo(1_000);
    assertThat(buffer.out()).isEqualTo(batches.size());
    assertThat(buffer.batched()).isEqualTo(1_000);
    assertThat(buffer.filtered()).isZero();
    assertThat(result.rowsFiltered()).isZero();
    assertThat(result.rowsGrouped()).isEqualTo(1_000 - batches.size());
    assertThat(result.rowsAdded()).isZero();
    assertThat(result.reconciles()).isTrue();
    assertThat(result.summary()).contains(String.format("1,000 rows in %,d batches by buffer-1", batches.size()));

    byte[] report = Files.readAllBytes(dir.resolve("_lake/runs/batches/" + result.runId() + ".json"));
    PipelineResult read = Json.read(report, PipelineResult.class);
    assertThat(read.steps()).isEqualTo(result.steps());
    assertThat(read.reconciles()).isTrue();
    // a report written before buffers existed has no "batched": it reads as 0
    String old = new String(report, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\"batched\" : \\d+,?", "");
    assertThat(Json.read(old.getBytes(java.nio.charset.StandardCharsets.UTF_8), PipelineResult.class).steps())
        .extracting(StepReport::batched).containsOnly(0L);
  }

  @Test
  void buffer_rowsOnly_atMostOnePartialBatchPerWorker() {
    InMemorySink<List<Sale>> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(1_000)).withSplits(9))
        .withParallelism(3)
        .buffer(Buffer.ofRows(64))
        .to(sink)
        .run();

    List<Integer> sizes = sink.rows().stream().map(List::size).toList();
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
    assertThat(sizes).allSatisfy(s -> assertThat(s).isBetween(1, 64));
    assertThat(sizes.stream().filter(s -> s < 64).count()).isLessThanOrEqualTo(3);
    assertThat(result.sinks().get(0).written()).isEqualTo(sizes.size());
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void buffer_deadlineReached_flushesWhatEachWorkerHeld() {
    InMemorySink<Sale> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(5_000)).withSplits(4))
        .withParallelism(2)
        .apply(Step.<Sale, Sale>of("slow", (s, out) -> {
          Thread.sleep(1);
          out.accept(s);
        }))
        .buffer(Buffer.ofRows(100_000)) // never full: every batch comes from finish
        .flatMap("unbatch", batch -> batch)
        .to(sink)
        .withDeadline(java.time.Instant.now().plusMillis(300))
        .run();

    assertThat(result.stoppedAtDeadline()).isTrue();
    assertThat(result.rowsRead()).isPositive().isLessThan(5_000);
    assertThat(sink.rows()).hasSize((int) result.rowsRead());
    assertThat(result.steps().get(1).out()).isBetween(1L, 2L); // one batch per worker
    assertThat(result.rowsWritten()).isEqualTo(result.rowsRead());
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void buffer_sizerFailsOnSomeRows_rejectsThoseRowsAndBatchesTheRest() {
    Lake lake = Lake.at(dir.toString());
    List<Sale> input = sales(200);
    List<Sale> bad = input.stream().filter(s -> s.quantity() < 0).toList();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", input).withSplits(3))
        .named("batches")
        .buffer(Buffer.<Sale>ofBytes(400, s -> {
          if (s.quantity() < 0) {
            throw new IllegalArgumentException("negative quantity " + s.quantity() + " in " + s.invoice());
          }
          return s.description().length();
        }))
        .map("summarise", BatchRow::of)
        .to(lake.processed("batches"))
        .onBadRows(BadRowPolicy.toRejectedZone())
        .run();

    Map<String, Integer> seen = counts(batches(lake));
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(
        invoices(input.stream().filter(s -> s.quantity() >= 0).toList()));
    assertThat(seen.values()).containsOnly(1);
    List<GenericRecord> rejected = lake.read("rejected/batches").readAll();
    assertThat(rejected).hasSize(bad.size());
    assertThat(rejected).allSatisfy(r -> {
      assertThat(r.get("step")).hasToString("buffer-1");
      assertThat(r.get("reason").toString()).startsWith("IllegalArgumentException: negative quantity -1 in INV");
      assertThat(r.get("position").toString()).startsWith("memory:sales:");
    });
    assertThat(result.steps().get(0).rejected()).isEqualTo(bad.size());
    assertThat(result.steps().get(0).filtered()).isZero();
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void finish_batchRejectedByALaterStep_isABadRowHoldingEveryRowOfTheBatch() {
    Lake lake = Lake.at(dir.toString());

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(10)))
        .named("batches")
        .buffer(Buffer.ofRows(4))
        .map("post", batch -> {
          if (invoices(batch).contains("INV9")) {
            throw new IllegalStateException("the API refused a batch of " + batch.size());
          }
          return BatchRow.of(batch);
        })
        .to(lake.processed("batches"))
        .onBadRows(BadRowPolicy.toRejectedZone())
        .run();

    assertThat(counts(batches(lake)).keySet()).containsExactlyInAnyOrderElementsOf(invoices(sales(8)));
    List<GenericRecord> rejected = lake.read("rejected/batches").readAll();
    assertThat(rejected).hasSize(1);
    GenericRecord batch = rejected.get(0);
    assertThat(batch.get("step")).hasToString("post");
    assertThat(batch.get("reason")).hasToString("IllegalStateException: the API refused a batch of 2");
    assertThat(batch.get("position")).hasToString("end of input after memory:sales:10");
    assertThat(batch.get("value").toString()).contains("INV8", "INV9");
    assertThat(result.steps().get(1).rejected()).isEqualTo(1);
    assertThat(result.reconciles()).isTrue();
  }

  @Test
  void finish_stepThrows_failsTheRunWhateverThePolicyAndCommitsNothing() {
    Lake lake = Lake.at(dir.toString());
    Step<Sale, Sale> holdsLast = new Step<>() {
      @Override
      public String name() {
        return "holds-last";
      }

      @Override
      public void apply(Sale row, Consumer<? super Sale> out) {
        out.accept(row);
      }

      @Override
      public void finish(Consumer<? super Sale> out) {
        throw new IllegalStateException("lost the connection");
      }
    };

    Pipeline<Sale> pipeline = Pipeline.from(InMemorySource.of("sales", sales(50)).withSplits(2))
        .named("batches")
        .withParallelism(2)
        .apply(holdsLast)
        .to(lake.processed("batches"))
        .onBadRows(BadRowPolicy.toRejectedZone());

    assertThatThrownBy(pipeline::run)
        .isInstanceOf(LakeException.class)
        .hasMessageContaining("Step 'holds-last' failed to finish writer ")
        .hasMessageContaining("IllegalStateException: lost the connection")
        .hasMessageContaining("Nothing is committed");
    assertThat(lake.latest("batches")).isEmpty();
    assertThat(lake.latest("rejected/batches")).isEmpty();
  }

  @Test
  void finish_twoBuffers_finishInOrderSoTheFirstsLastBatchReachesTheSecond() {
    InMemorySink<List<List<Sale>>> sink = InMemorySink.create();

    PipelineResult result = Pipeline.from(InMemorySource.of("sales", sales(10)))
        .buffer(Buffer.ofRows(3))
        .buffer(Buffer.ofRows(2))
        .to(sink)
        .run();

    assertThat(sink.rows()).hasSize(2);
    List<Sale> all = new ArrayList<>();
    sink.rows().forEach(outer -> outer.forEach(all::addAll));
    assertThat(all).isEqualTo(sales(10));
    assertThat(result.steps()).extracting(StepReport::in, StepReport::out,
        StepReport::batched).containsExactly(
            org.assertj.core.groups.Tuple.tuple(10L, 4L, 10L), org.assertj.core.groups.Tuple.tuple(4L, 2L, 4L));
    assertThat(result.rowsGrouped()).isEqualTo(8);
    assertThat(result.rowsAdded()).isZero();
    assertThat(result.reconciles()).isTrue();
  }
}
