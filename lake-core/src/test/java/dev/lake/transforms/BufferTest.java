package dev.lake.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.Decimal;
import dev.lake.Rows;
import dev.lake.exceptions.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BufferTest {
  record Word(String text) {}

  /** Pushes {@code rows} through a worker's copy of the step, then finishes it; returns every batch in order. */
  private static <T> List<List<T>> run(Buffer<T> buffer, List<T> rows) throws Exception {
    Step<T, List<T>> step = buffer.toStep("buffer").forWorker();
    List<List<T>> batches = new ArrayList<>();
    for (T row : rows) {
      step.apply(row, batches::add);
    }
    step.finish(batches::add);
    return batches;
  }

  private static List<Integer> numbers(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  private static <T> List<T> flat(List<List<T>> batches) {
    return batches.stream().flatMap(List::stream).toList();
  }

  @Test
  void ofRows_tenRowsByThree_emitsFullBatchesThenThePartialOneAtFinish() throws Exception {
    List<List<Integer>> batches = run(Buffer.ofRows(3), numbers(10));

    assertThat(batches).extracting(List::size).containsExactly(3, 3, 3, 1);
    assertThat(flat(batches)).isEqualTo(numbers(10));
  }

  @Test
  void finish_nothingBuffered_emitsNoEmptyBatch() throws Exception {
    assertThat(run(Buffer.ofRows(3), numbers(6))).extracting(List::size).containsExactly(3, 3);
    assertThat(run(Buffer.ofRows(3), List.of())).isEmpty();
  }

  @Test
  void ofBytes_customSizer_neverExceedsTheLimitAndEmitsAnOversizedRowAlone() throws Exception {
    List<String> words = List.of("aaaa", "bbb", "cc", "dddddddddddd", "e", "ff", "ggg", "hhhhhhhhhh");
    Buffer<String> buffer = Buffer.ofBytes(10, String::length);

    List<List<String>> batches = run(buffer, words);

    assertThat(flat(batches)).isEqualTo(words);
    for (List<String> batch : batches) {
      int bytes = batch.stream().mapToInt(String::length).sum();
      assertThat(bytes <= 10 || batch.size() == 1).as("batch %s of %s bytes", batch, bytes).isTrue();
    }
    assertThat(batches).contains(List.of("dddddddddddd"), List.of("hhhhhhhhhh"));
    // greedy: a batch is emitted only when the next row would not fit
    for (int i = 0; i + 1 < batches.size(); i++) {
      int bytes = batches.get(i).stream().mapToInt(String::length).sum();
      assertThat(bytes + batches.get(i + 1).get(0).length()).isGreaterThan(10);
    }
  }

  @Test
  void ofTime_rowsArrivingLate_startANewBatchMeasuredFromItsFirstRow() throws Exception {
    ManualClock clock = new ManualClock();
    Step<Integer, List<Integer>> step = Buffer.<Integer>ofTime(Duration.ofSeconds(10)).withClock(clock)
        .toStep("buffer").forWorker();
    List<List<Integer>> batches = new ArrayList<>();
    long[] arrivals = {0, 4, 9, 10, 12, 19, 20, 45};
    for (int i = 0; i < arrivals.length; i++) {
      clock.now = Instant.EPOCH.plusSeconds(arrivals[i]);
      step.apply(i, batches::add);
    }
    step.finish(batches::add);

    // a batch holds the rows that arrived less than 10 s after its first row
    assertThat(batches).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6), List.of(7));
  }

  @Test
  void combined_whicheverLimitComesFirst_emits() throws Exception {
    ManualClock clock = new ManualClock();
    Buffer<String> buffer = Buffer.<String>ofRows(3).orBytes(6, String::length).orTime(Duration.ofSeconds(5))
        .withClock(clock);
    Step<String, List<String>> step = buffer.toStep("buffer").forWorker();
    List<List<String>> batches = new ArrayList<>();
    String[] rows = {"a", "b", "c", "dddd", "ee", "f", "g"};
    long[] at = {0, 0, 0, 1, 1, 2, 9};
    for (int i = 0; i < rows.length; i++) {
      clock.now = Instant.EPOCH.plusSeconds(at[i]);
      step.apply(rows[i], batches::add);
    }
    step.finish(batches::add);

    assertThat(batches).containsExactly(List.of("a", "b", "c"), // 3 rows
        List.of("dddd", "ee"), // 6 bytes
        List.of("f"), // "g" came 7 s after "f"
        List.of("g"));
    assertThat(buffer).hasToString("Buffer(3 rows or 6 bytes or PT5S)");
  }

  @Test
  void forWorker_twoWorkers_doNotShareRows() throws Exception {
    Step<Integer, List<Integer>> described = Buffer.<Integer>ofRows(2).toStep("buffer");
    Step<Integer, List<Integer>> a = described.forWorker();
    Step<Integer, List<Integer>> b = described.forWorker();
    List<List<Integer>> outA = new ArrayList<>();
    List<List<Integer>> outB = new ArrayList<>();

    a.apply(1, outA::add);
    b.apply(2, outB::add);
    a.finish(outA::add);
    b.finish(outB::add);

    assertThat(a).isNotSameAs(b);
    assertThat(outA).containsExactly(List.of(1));
    assertThat(outB).containsExactly(List.of(2));
  }

  @Test
  void needing_wrapsABuffer_delegatesFinishAndGivesEachWorkerItsOwnBuffer() throws Exception {
    Step<Integer, List<Integer>> wrapped = Buffer.<Integer>ofRows(5).toStep("buffer")
        .needing(scope -> dev.lake.iam.IamPolicy.empty());
    Step<Integer, List<Integer>> a = wrapped.forWorker();
    Step<Integer, List<Integer>> b = wrapped.forWorker();
    List<List<Integer>> out = new ArrayList<>();

    a.apply(1, out::add);
    b.apply(2, out::add);
    a.finish(out::add);

    assertThat(out).containsExactly(List.of(1));
    assertThat(a.name()).isEqualTo("buffer");
  }

  @Test
  void sizer_negativeSize_isAnErrorOfThatRow() {
    Step<String, List<String>> step = Buffer.<String>ofBytes(10, s -> -1).toStep("buffer").forWorker();

    assertThatThrownBy(() -> step.apply("x", b -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The buffer's sizer returned -1 bytes; sizes must be >= 0");
  }

  @Test
  void jsonBytes_textAndRecords_countUtf8BytesOfTheJson() {
    assertThat(Buffer.jsonBytes().sizeOf("héllo")).isEqualTo(6);
    assertThat(Buffer.jsonBytes().sizeOf(new byte[7])).isEqualTo(7);
    assertThat(Buffer.jsonBytes().sizeOf(42)).isEqualTo(2);
    Word word = new Word("naïve");
    // {"text":"naïve"}: 16 characters, ï is two bytes in UTF-8
    assertThat(Rows.toJson(word)).isEqualTo("{\"text\":\"naïve\"}");
    assertThat(Buffer.jsonBytes().sizeOf(word)).isEqualTo(17);
    assertThat(Buffer.jsonBytes().sizeOf(Rows.toGeneric(word))).isEqualTo(17);
    Priced priced = new Priced("Crème brûlée", new java.math.BigDecimal("2.550"),
        java.time.LocalDateTime.of(2010, 12, 1, 8, 26), null);
    assertThat(Buffer.jsonBytes().sizeOf(priced))
        .isEqualTo(Rows.toJson(priced).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  record Priced(String name, @Decimal(precision = 10, scale = 3) java.math.BigDecimal price,
      java.time.LocalDateTime at, Long customer) {}

  @Test
  void limits_invalidOrSetTwice_failBeforeAnyRow() {
    assertThatThrownBy(() -> Buffer.ofRows(0)).isInstanceOf(ValidationException.class)
        .hasMessage("A buffer's row limit must be at least 1 but was 0");
    assertThatThrownBy(() -> Buffer.ofBytes(-5)).isInstanceOf(ValidationException.class)
        .hasMessage("A buffer's byte limit must be at least 1 but was -5");
    assertThatThrownBy(() -> Buffer.ofTime(Duration.ZERO)).isInstanceOf(ValidationException.class)
        .hasMessage("A buffer's time limit must be positive but was PT0S");
    assertThatThrownBy(() -> Buffer.ofRows(5).orRows(6)).isInstanceOf(ValidationException.class)
        .hasMessage("This buffer has a row limit already (5): set it once");
  }

  /** A clock the test moves by hand; serializable like the clocks a pipeline ships to Spark. */
  static final class ManualClock extends Clock implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
