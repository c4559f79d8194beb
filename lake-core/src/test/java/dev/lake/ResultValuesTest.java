package dev.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CompactionResult and ExpiryResult are values: built once, copied in, equal by content. */
class ResultValuesTest {

  private static CompactionResult.PartitionResult partition(Map<String, String> values, String skipped) {
    return CompactionResult.PartitionResult.builder().partition(values).filesBefore(4).bytesBefore(4_000)
        .filesAfter(1).bytesAfter(3_900).rows(120).skipped(skipped).build();
  }

  @Test
  void compactionResult_builtTwiceAlike_isEqualAndSumsOnlyTheAppliedPartitions() {
    Map<String, String> month = new LinkedHashMap<>();
    month.put("year", "2011");
    month.put("month", null); // a null partition value is kept, in the column order
    List<CompactionResult.PartitionResult> partitions = new ArrayList<>(List.of(partition(month, null),
        partition(Map.of("year", "2010"), "changed by another commit")));
    CompactionResult.Builder builder = CompactionResult.builder().dataset("processed/online_retail").runId("r1")
        .versionBefore(3).versionAfter(4).targetFileBytes(128 << 20).partitions(partitions).filesKept(7)
        .duration(Duration.ofMillis(1_500));

    CompactionResult result = builder.build();
    partitions.clear();

    assertThat(result).isEqualTo(builder.partitions(result.partitions()).build())
        .hasSameHashCodeAs(builder.build());
    assertThat(result.partitions()).hasSize(2);
    assertThat(result.partitions().get(0).partition()).containsExactly(Map.entry("year", "2011"),
        new java.util.AbstractMap.SimpleEntry<>("month", null));
    assertThat(result.committed()).isTrue();
    assertThat(result.filesBefore()).isEqualTo(4);
    assertThat(result.rows()).isEqualTo(120);
    assertThat(result.summary()).startsWith("processed/online_retail: rewrote 4 files (4,000 bytes) in 1 partitions")
        .contains("1 partitions skipped").contains("v3 -> v4").endsWith("in 1.5 s");
    assertThatThrownBy(() -> result.partitions().add(partition(Map.of(), null)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void expiryResult_defaults_areEmptyAndZero() {
    ExpiryResult nothing = ExpiryResult.builder().dataset("processed/sales").oldestRetained(1).build();

    assertThat(nothing.expiredVersions()).isEmpty();
    assertThat(nothing.duration()).isEqualTo(Duration.ZERO);
    assertThat(nothing.summary()).isEqualTo("processed/sales: no version expired, 0 replaced files (0 bytes) deleted, "
        + "oldest version kept v1 in 0.0 s");
    assertThat(nothing).isNotEqualTo(ExpiryResult.builder().dataset("processed/sales").oldestRetained(2).build());
    assertThat(nothing.toString()).startsWith("ExpiryResult[dataset=processed/sales, dryRun=false");
  }
}
